using Pulumi;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.TalosCluster;

/// <summary>What the cluster needs: the validated stack, its names, the Proxmox API token and where the health check runs.</summary>
public sealed class TalosClusterArgs : PlatformPartArgs
{
    /// <summary>The Proxmox VE API token (secret).</summary>
    public required Output<string> ProxmoxApiToken { get; init; }

    /// <summary>The project folder relative to the program's (the health check runs the tazlab CLI there).</summary>
    public required string ProjectRoot { get; init; }
}
