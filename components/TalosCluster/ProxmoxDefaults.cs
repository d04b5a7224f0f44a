namespace Tazlab.Components.TalosCluster;

/// <summary>Storage, network and device names a fresh Proxmox VE installation has; the Talos VMs use them.</summary>
public static class ProxmoxDefaults
{
    /// <summary>File storage that holds ISO images.</summary>
    public const string IsoDatastore = "local";

    /// <summary>Block storage for VM disks and the cloud-init drive.</summary>
    public const string DiskDatastore = "local-lvm";

    public const string Bridge = "vmbr0";

    /// <summary>The system disk Talos installs itself on.</summary>
    public const string DiskInterface = "scsi0";

    /// <summary>
    /// The Image Factory ISO. The provider keys a VM's drives by interface and defaults the cloud-init drive to ide2
    /// (bpg/terraform-provider-proxmox v0.111.1 vm.go), so the two are given different interfaces explicitly; on a
    /// q35 machine only ide0 and ide2 are usable IDE slots.
    /// </summary>
    public const string CdromInterface = "ide2";

    /// <summary>The cloud-init drive, from which Talos' nocloud platform reads the node's first address.</summary>
    public const string CloudInitInterface = "ide0";
}
