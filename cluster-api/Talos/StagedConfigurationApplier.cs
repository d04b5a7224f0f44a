using System.Globalization;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Applies a configuration the Talos provider staged rather than reboot a node by surprise (apply mode
/// <c>staged_if_needing_reboot</c>): when the node's <c>persistent</c> configuration differs from its active one, it
/// reboots the node, drained first, waits for it, checks nothing is staged any more, then waits for the cluster to
/// be healthy, so the next node may go. A node with nothing staged is left alone.
/// </summary>
public sealed class StagedConfigurationApplier(ITalosctl talosctl)
{
    public async Task<UpgradeOutcome> ApplyAsync(string node, string endpoint, TimeSpan timeout, Action<string> log, CancellationToken cancellationToken)
    {
        var minutes = $"{Math.Max(1, (int)Math.Ceiling(timeout.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m";
        var (staged, problem) = await StagedAsync(node, endpoint, cancellationToken).ConfigureAwait(false);
        if (staged is null)
        {
            return UpgradeOutcome.Failed($"node {node}: whether a configuration is staged could not be read: {problem}; the next up asks again");
        }

        if (staged == false)
        {
            return UpgradeOutcome.Done($"node {node}: nothing staged, not rebooted");
        }

        log($"node {node}: a configuration is staged; draining and rebooting the node to apply it");
        var reboot = await talosctl.RunAsync(["reboot", "--nodes", node, "--endpoints", endpoint, "--drain", "--wait", "--timeout", minutes], cancellationToken).ConfigureAwait(false);
        if (!reboot.Succeeded)
        {
            return UpgradeOutcome.Failed($"node {node}: talosctl reboot failed: {reboot.LastError}; the next up retries this node");
        }

        var (after, again) = await StagedAsync(node, endpoint, cancellationToken).ConfigureAwait(false);
        if (after != false)
        {
            return UpgradeOutcome.Failed($"node {node}: rebooted, but the staged configuration is still not the active one{(again is null ? string.Empty : $": {again}")} (talosctl dmesg --nodes {node} says why)");
        }

        var health = await talosctl.RunAsync(["health", "--nodes", endpoint, "--endpoints", endpoint, "--wait-timeout", minutes], cancellationToken).ConfigureAwait(false);
        return health.Succeeded
            ? UpgradeOutcome.Done($"node {node}: staged configuration applied, cluster healthy")
            : UpgradeOutcome.Failed($"node {node}: staged configuration applied, but the cluster is not healthy: {health.LastError}");
    }

    private async Task<(bool? Staged, string? Problem)> StagedAsync(string node, string endpoint, CancellationToken cancellationToken)
    {
        var configs = await talosctl.RunAsync(["get", "machineconfig", "--nodes", node, "--endpoints", endpoint, "--output", "json"], cancellationToken).ConfigureAwait(false);
        if (!configs.Succeeded)
        {
            return (null, configs.LastError);
        }

        var resources = TalosResourceOutput.Resources(configs.Stdout);
        if (resources is null)
        {
            return (null, "talosctl get machineconfig printed no JSON resources");
        }

        var staged = TalosResourceOutput.HasStagedConfiguration(resources);
        return staged is null ? (null, "the node lists no active and persistent machine configuration (Talos before v1.10?)") : (staged, null);
    }
}
