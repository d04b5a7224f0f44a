using System.CommandLine;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos upgrade-k8s</c>: the Kubernetes step after the Talos waves. The Pulumi program runs it when
/// <c>tazlab:kubernetesVersion</c> changes; a rerun after a failure carries on (talosctl skips what is at the target).
/// </summary>
public static class TalosUpgradeKubernetesCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Option<string>("--endpoint") { Description = "A control-plane node's address: upgrade-k8s works through it.", Required = true };
        var to = new Option<string>("--to") { Description = "The Kubernetes version, e.g. v1.35.1.", Required = true };
        var timeout = new Option<string>("--timeout") { Description = "How long the health check afterwards may take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "upgrade-k8s",
            $"Upgrade Kubernetes on every node (talosctl upgrade-k8s) and wait until the cluster is healthy. Talosconfig from {TalosEnvironment.TalosconfigVariable}. Exit 0 done, 1 failed, 2 usage or missing talosctl.")
        {
            endpoint, to, timeout,
        };
        command.SetAction((parse, cancellationToken) => TalosctlSession.RunStepAsync(
            context,
            parse.GetValue(timeout),
            (talosctl, wait, log, token) => new KubernetesUpgrader(talosctl).UpgradeAsync(StackPlanning.ValueOf(parse, endpoint), StackPlanning.ValueOf(parse, to), wait, log, token),
            cancellationToken));
        return command;
    }
}
