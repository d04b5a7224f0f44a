namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Upgrades Kubernetes on every node through one control-plane node: <c>talosctl upgrade-k8s --to</c> (static pods one
/// control-plane node at a time, then kube-proxy and every kubelet, then the bootstrap manifests). It skips what is
/// already at the target, so a rerun carries on where a failed one stopped; then <c>talosctl health</c>.
/// </summary>
public sealed class KubernetesUpgrader(ITalosctl talosctl)
{
    public async Task<UpgradeOutcome> UpgradeAsync(string endpoint, string version, TimeSpan timeout, Action<string> log, CancellationToken cancellationToken)
    {
        // talosctl takes the version without its v (upgrade-k8s --to 1.35.1).
        var to = version.TrimStart('v');
        log($"kubernetes: upgrading to {to} through {endpoint}");
        var upgrade = await talosctl.RunAsync(["upgrade-k8s", "--nodes", endpoint, "--endpoints", endpoint, "--to", to], cancellationToken).ConfigureAwait(false);
        if (!upgrade.Succeeded)
        {
            return UpgradeOutcome.Failed($"kubernetes: talosctl upgrade-k8s to {to} failed: {upgrade.LastError}; the next up carries on from there");
        }

        var minutes = $"{Math.Max(1, (int)Math.Ceiling(timeout.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture)}m";
        var health = await talosctl.RunAsync(["health", "--nodes", endpoint, "--endpoints", endpoint, "--wait-timeout", minutes], cancellationToken).ConfigureAwait(false);
        return health.Succeeded
            ? UpgradeOutcome.Done($"kubernetes: upgraded to {to}, cluster healthy")
            : UpgradeOutcome.Failed($"kubernetes: at {to}, but the cluster is not healthy: {health.LastError}");
    }
}
