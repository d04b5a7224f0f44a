namespace Tazlab.Components.TalosCluster;

/// <summary>Storage and network names a fresh Proxmox VE installation has; the Talos VMs use them.</summary>
public static class ProxmoxDefaults
{
    /// <summary>File storage that holds ISO images.</summary>
    public const string IsoDatastore = "local";

    /// <summary>Block storage for VM disks and the cloud-init drive.</summary>
    public const string DiskDatastore = "local-lvm";

    public const string Bridge = "vmbr0";
}
