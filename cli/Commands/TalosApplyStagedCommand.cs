using System.CommandLine;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos apply-staged</c>: after the Talos provider staged a configuration on a node rather than reboot it, the
/// Pulumi program runs this node by node: reboot (drained) only where a configuration is staged, then wait for health.
/// </summary>
public static class TalosApplyStagedCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var node = TalosNodeLookup.NodeOption();
        var timeout = new Option<string>("--timeout") { Description = "How long the reboot, and then the health check, may each take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "apply-staged",
            $"Reboot a node, drained, if a configuration is staged on it, and wait until the cluster is healthy; a node with nothing staged is left alone. Talosconfig from {TalosEnvironment.TalosconfigVariable}. Exit 0 done, 1 failed, 2 usage, stack or missing talosctl.")
        {
            stack, node, timeout, project,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TalosNodeLookup.Find(context, StackPlanning.ValueOf(parse, stack), parse.GetValue(project), StackPlanning.ValueOf(parse, node)) is not var (target, endpoint))
            {
                return ExitCodes.InvalidInput;
            }

            return await TalosctlSession.RunStepAsync(
                context,
                parse.GetValue(timeout),
                (talosctl, wait, log, token) => new StagedConfigurationApplier(talosctl).ApplyAsync(target.Ip.ToString(), endpoint, wait, log, token),
                cancellationToken);
        });
        return command;
    }
}
