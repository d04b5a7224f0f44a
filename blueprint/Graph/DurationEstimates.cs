namespace Tazlab.Blueprint.Graph;

/// <summary>
/// Documented default durations per kind of node (the part of the id before ':'), from observed bring-ups
/// of a small homelab estate. A stack overrides any node with <c>tazlab:durationEstimates</c>.
/// </summary>
public static class DurationEstimates
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> Defaults = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["stack-secrets"] = TimeSpan.Zero,
        ["stack-reference"] = TimeSpan.FromSeconds(5),
        ["tailnet-policy"] = TimeSpan.FromSeconds(15),
        ["oauth-client"] = TimeSpan.FromSeconds(5),
        ["auth-key"] = TimeSpan.FromSeconds(5),
        ["device-cleanup"] = TimeSpan.FromSeconds(20),
        ["vault-tls"] = TimeSpan.FromSeconds(5),
        ["vault-server"] = TimeSpan.FromMinutes(3),
        ["vault-joined"] = TimeSpan.FromMinutes(2),
        ["vault-reachable"] = TimeSpan.FromMinutes(1),
        ["vault-tls-installed"] = TimeSpan.FromSeconds(15),
        ["vault-initialised"] = TimeSpan.FromSeconds(45),
        ["talos-image"] = TimeSpan.FromMinutes(3),
        ["proxmox-vms"] = TimeSpan.FromMinutes(2),
        ["machine-secrets"] = TimeSpan.FromSeconds(2),
        ["machine-config"] = TimeSpan.FromSeconds(10),
        ["bootstrap"] = TimeSpan.FromMinutes(6),
        ["kubeconfig"] = TimeSpan.FromSeconds(5),
        ["cluster-healthy"] = TimeSpan.FromMinutes(4),

        // Nothing to do on a bring-up from nothing; plan --previous estimates the waves of an upgrade (UpgradeEstimates).
        ["talos-upgrade"] = TimeSpan.Zero,
        ["kubernetes-upgrade"] = TimeSpan.Zero,
        ["staged-reboots"] = TimeSpan.Zero,
        ["node-retirement"] = TimeSpan.Zero,
        ["coredns"] = TimeSpan.FromMinutes(1),
        ["operator-oauth-secret"] = TimeSpan.FromSeconds(5),
        ["tailscale-operator"] = TimeSpan.FromMinutes(2),
        ["api-server-reachable"] = TimeSpan.FromMinutes(1),
        ["vault-egress"] = TimeSpan.FromMinutes(1),
        ["cluster-resolves-vault"] = TimeSpan.FromSeconds(30),
        ["external-secrets"] = TimeSpan.FromMinutes(2),
        ["cluster-secret-store"] = TimeSpan.FromSeconds(30),
        ["kv-mount"] = TimeSpan.FromSeconds(5),
        ["eso-reader-policy"] = TimeSpan.FromSeconds(5),
        ["jwt-backend"] = TimeSpan.FromSeconds(10),
        ["jwt-role"] = TimeSpan.FromSeconds(5),
        ["vault-grant"] = TimeSpan.FromSeconds(5),
        ["flux-git-credential"] = TimeSpan.FromSeconds(5),

        // Installing restic from Debian and the units; the namespace, scripts and CronJob.
        ["vault-backup"] = TimeSpan.FromSeconds(30),
        ["etcd-backup"] = TimeSpan.FromSeconds(10),
    };

    public static TimeSpan For(string nodeId)
    {
        var colon = nodeId.IndexOf(':', StringComparison.Ordinal);
        return Defaults[colon < 0 ? nodeId : nodeId[..colon]];
    }
}
