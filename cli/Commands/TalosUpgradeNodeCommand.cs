using System.CommandLine;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos upgrade-node</c>: one node of an upgrade wave. The Pulumi program runs it when the node's installer
/// image changes (a new Talos version or schematic), after the previous wave is healthy; it exits 0 only once the
/// node runs the target version and the cluster is healthy, so the next wave waits for it.
/// </summary>
public static class TalosUpgradeNodeCommand
{
    public static Command Create(CliContext context)
    {
        var node = new Option<string>("--node") { Description = "The node's address.", Required = true };
        var endpoint = new Option<string>("--endpoint") { Description = "A control-plane node's address, for the Talos API and the health check.", Required = true };
        var image = new Option<string>("--image") { Description = "Image Factory's installer for the target version and schematic.", Required = true };
        var version = new Option<string>("--version") { Description = "The Talos version the node must run afterwards, e.g. v1.12.1.", Required = true };
        var timeout = new Option<string>("--timeout") { Description = "How long the upgrade, and then the health check, may each take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "upgrade-node",
            $"Upgrade one Talos node in place and wait until it runs the version and the cluster is healthy. Talosconfig from {TalosEnvironment.TalosconfigVariable}. Exit 0 done, 1 failed (says which node and why), 2 usage or missing talosctl.")
        {
            node, endpoint, image, version, timeout,
        };
        command.SetAction((parse, cancellationToken) => TalosctlSession.RunStepAsync(
            context,
            parse.GetValue(timeout),
            (talosctl, wait, log, token) => new NodeUpgrader(talosctl).UpgradeAsync(
                StackPlanning.ValueOf(parse, node), StackPlanning.ValueOf(parse, endpoint), StackPlanning.ValueOf(parse, image), StackPlanning.ValueOf(parse, version), wait, log, token),
            cancellationToken));
        return command;
    }
}
