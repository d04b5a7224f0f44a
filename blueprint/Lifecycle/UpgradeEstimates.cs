namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// How long a wave takes on a small homelab estate: pulling the installer, installing, rebooting and waiting for the
/// node to be Ready with etcd healthy; for Kubernetes, the static pods one control-plane node at a time, then every
/// kubelet. Shown by <c>plan --previous</c> so a change can be scheduled.
/// </summary>
public static class UpgradeEstimates
{
    public static readonly TimeSpan TalosNode = TimeSpan.FromMinutes(6);

    public static readonly TimeSpan KubernetesBase = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan KubernetesPerNode = TimeSpan.FromMinutes(1);
}
