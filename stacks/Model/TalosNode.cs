using System.Net;

namespace Tazlab.Stacks.Model;

/// <summary>One Talos VM on Proxmox.</summary>
/// <param name="ProxmoxNode">The Proxmox host the VM runs on.</param>
public sealed record TalosNode(
    string Name,
    NodeRole Role,
    int VmId,
    int Cores,
    int MemoryMiB,
    int DiskGiB,
    IPAddress Ip,
    string ProxmoxNode);
