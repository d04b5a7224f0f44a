namespace Tazlab.Blueprint.Lifecycle;

/// <summary>What a wave upgrades.</summary>
public enum UpgradeKind
{
    /// <summary>Talos itself (a new version or schematic): <c>talosctl upgrade</c> with Image Factory's installer, node by node.</summary>
    TalosOs,

    /// <summary>The control plane's static pods and every kubelet: <c>talosctl upgrade-k8s</c>, once, after the Talos waves.</summary>
    Kubernetes,
}
