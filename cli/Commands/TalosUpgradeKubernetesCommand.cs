using System.CommandLine;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos upgrade-k8s</c>: the Kubernetes step after the Talos waves, through the stack's first control-plane
/// node. The Pulumi program runs it when <c>tazlab:kubernetesVersion</c> changes; a rerun after a failure carries on
/// (talosctl skips what is at the target).
/// </summary>
public static class TalosUpgradeKubernetesCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var to = new Option<string>("--to") { Description = "The Kubernetes version, e.g. v1.35.1.", Required = true };
        var timeout = new Option<string>("--timeout") { Description = "How long the health check afterwards may take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "upgrade-k8s",
            $"Upgrade Kubernetes on every node (talosctl upgrade-k8s through the first control-plane node) and wait until the cluster is healthy. Talosconfig from {TalosEnvironment.TalosconfigVariable}. Exit 0 done, 1 failed, 2 usage, stack or missing talosctl.")
        {
            stack, to, timeout, project,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = StackPlanning.LoadStack(context, StackPlanning.ValueOf(parse, stack), parse.GetValue(project), out _);
            if (loaded?.Config is not { } config)
            {
                return ExitCodes.InvalidInput;
            }

            var endpoint = config.Talos.ControlPlane.First().Ip.ToString();
            return await TalosctlSession.RunStepAsync(
                context,
                parse.GetValue(timeout),
                (talosctl, wait, log, token) => new KubernetesUpgrader(talosctl).UpgradeAsync(endpoint, StackPlanning.ValueOf(parse, to), wait, log, token),
                cancellationToken);
        });
        return command;
    }
}
