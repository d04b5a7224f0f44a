using System.CommandLine;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos upgrade-node</c>: one node of an upgrade wave. The Pulumi program runs it when the node's installer
/// image changes (a new Talos version or schematic), after the previous wave is healthy; it exits 0 only once the
/// node runs the target version and schematic and the cluster is healthy, so the next wave waits for it. A node
/// already at the target is not upgraded again.
/// </summary>
public static class TalosUpgradeNodeCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var node = TalosNodeLookup.NodeOption();
        var image = new Option<string>("--image") { Description = "Image Factory's installer for the target version and schematic.", Required = true };
        var version = new Option<string>("--version") { Description = "The Talos version the node must run afterwards, e.g. v1.12.1.", Required = true };
        var timeout = new Option<string>("--timeout") { Description = "How long the upgrade, and then the health check, may each take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "upgrade-node",
            $"Upgrade one Talos node in place (unless it already runs the target) and wait until it runs the version and the cluster is healthy. Talosconfig from {TalosEnvironment.TalosconfigVariable}. Exit 0 done, 1 failed (says which node and why), 2 usage, stack or missing talosctl.")
        {
            stack, node, image, version, timeout, project,
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
                (talosctl, wait, log, token) => new NodeUpgrader(talosctl).UpgradeAsync(target.Ip.ToString(), endpoint, StackPlanning.ValueOf(parse, image), StackPlanning.ValueOf(parse, version), wait, log, token),
                cancellationToken);
        });
        return command;
    }
}
