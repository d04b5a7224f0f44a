using Pulumi;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.TalosCluster;

/// <summary>What the cluster needs: the validated stack, its names, the nodes' auth key and the Proxmox API token.</summary>
public sealed class TalosClusterArgs : PlatformPartArgs
{
    /// <summary>The Tailscale auth key of the nodes' extension (secret; from the Tailnet component).</summary>
    public required Output<string> TalosAuthKey { get; init; }

    /// <summary>The Proxmox VE API token (secret).</summary>
    public required Output<string> ProxmoxApiToken { get; init; }
}
