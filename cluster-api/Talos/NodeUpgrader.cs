using System.Globalization;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Upgrades one node in place and waits until the cluster is healthy again, so the next node of the wave may go.
/// First it asks what the node runs: a node already at the target version and schematic (upgraded by a run that then
/// failed its health check, or created at the new version) is not upgraded again, so a rerun carries on where the
/// last one stopped and never reboots a node for nothing. Otherwise <c>talosctl upgrade</c> with Image Factory's
/// installer (it waits for the node to reboot and be ready, but counts a rolled-back boot as success), then the node
/// is asked again, since only the version and schematic it runs show the upgrade took; then <c>talosctl health</c> on
/// the control-plane endpoint (etcd healthy, every node Ready).
/// </summary>
public sealed class NodeUpgrader(ITalosctl talosctl)
{
    public async Task<UpgradeOutcome> UpgradeAsync(string node, string endpoint, string image, string version, TimeSpan timeout, Action<string> log, CancellationToken cancellationToken)
    {
        var minutes = $"{Math.Max(1, (int)Math.Ceiling(timeout.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m";
        var schematic = InstallerImage.SchematicOf(image);
        var inspector = new NodeInspector(talosctl);
        var (before, unreadable) = await inspector.ReadAsync(node, endpoint, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return UpgradeOutcome.Failed($"node {node}: what it runs could not be read, so it was not upgraded: {unreadable}; the wave stops here, and the next up retries this node");
        }

        if (before.Runs(version, schematic))
        {
            log($"node {node}: already runs {before.Describe()}; not upgraded again");
        }
        else
        {
            log($"node {node}: upgrading from {before.Describe()} to {version} ({image})");
            var upgrade = await talosctl.RunAsync(["upgrade", "--nodes", node, "--endpoints", endpoint, "--image", image, "--wait", "--timeout", minutes], cancellationToken).ConfigureAwait(false);
            if (!upgrade.Succeeded)
            {
                return UpgradeOutcome.Failed($"node {node}: talosctl upgrade failed: {upgrade.LastError}; the wave stops here, and the next up retries this node");
            }

            var (after, problem) = await inspector.ReadAsync(node, endpoint, cancellationToken).ConfigureAwait(false);
            if (after is null)
            {
                return UpgradeOutcome.Failed($"node {node}: what it runs could not be read after the upgrade: {problem}");
            }

            if (!after.Runs(version, schematic))
            {
                return UpgradeOutcome.Failed($"node {node}: came back at {after.Describe()}, not {version}{(schematic is null ? string.Empty : $" (schematic {schematic[..12]})")}: the new installation did not boot and Talos rolled back (talosctl dmesg --nodes {node} says why)");
            }
        }

        log($"node {node}: runs {version}; waiting for the cluster to be healthy");
        var health = await talosctl.RunAsync(["health", "--nodes", endpoint, "--endpoints", endpoint, "--wait-timeout", minutes], cancellationToken).ConfigureAwait(false);
        return health.Succeeded
            ? UpgradeOutcome.Done($"node {node}: runs {version}, cluster healthy")
            : UpgradeOutcome.Failed($"node {node}: runs {version}, but the cluster is not healthy: {health.LastError}");
    }
}
