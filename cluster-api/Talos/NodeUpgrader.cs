using System.Globalization;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Upgrades one node in place and waits until the cluster is healthy again, so the next node of the wave may go:
/// <c>talosctl upgrade</c> with Image Factory's installer (it waits for the node to reboot and be ready, but counts a
/// rolled-back boot as success), then <c>talosctl version</c> to see the node really runs the target, then
/// <c>talosctl health</c> on the control-plane endpoint (etcd healthy, every node Ready).
/// </summary>
public sealed class NodeUpgrader(ITalosctl talosctl)
{
    public async Task<UpgradeOutcome> UpgradeAsync(string node, string endpoint, string image, string version, TimeSpan timeout, Action<string> log, CancellationToken cancellationToken)
    {
        var minutes = $"{Math.Max(1, (int)Math.Ceiling(timeout.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m";
        log($"node {node}: upgrading to {version} ({image})");
        var upgrade = await talosctl.RunAsync(["upgrade", "--nodes", node, "--endpoints", endpoint, "--image", image, "--wait", "--timeout", minutes], cancellationToken).ConfigureAwait(false);
        if (!upgrade.Succeeded)
        {
            return UpgradeOutcome.Failed($"node {node}: talosctl upgrade failed: {upgrade.LastError}; the wave stops here, and the next up retries this node");
        }

        var running = await talosctl.RunAsync(["version", "--nodes", node, "--endpoints", endpoint], cancellationToken).ConfigureAwait(false);
        var tag = running.Succeeded ? TalosVersionOutput.ServerTag(running.Stdout) : null;
        if (tag is null)
        {
            return UpgradeOutcome.Failed($"node {node}: its version could not be read after the upgrade: {running.LastError}");
        }

        if (tag != version)
        {
            return UpgradeOutcome.Failed($"node {node}: came back at {tag}, not {version}: the new installation did not boot and Talos rolled back (talosctl dmesg --nodes {node} says why)");
        }

        log($"node {node}: runs {version}; waiting for the cluster to be healthy");
        var health = await talosctl.RunAsync(["health", "--nodes", endpoint, "--endpoints", endpoint, "--wait-timeout", minutes], cancellationToken).ConfigureAwait(false);
        return health.Succeeded
            ? UpgradeOutcome.Done($"node {node}: upgraded to {version}, cluster healthy")
            : UpgradeOutcome.Failed($"node {node}: runs {version}, but the cluster is not healthy: {health.LastError}");
    }
}
