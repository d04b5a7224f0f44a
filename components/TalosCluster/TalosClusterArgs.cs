using Tazlab.Blueprint.Rendering;
using Pulumi;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.TalosCluster;

/// <summary>What the cluster needs: the validated stack, its names, the nodes' auth key and the Proxmox API token.</summary>
public sealed class TalosClusterArgs
{
    public required StackConfig Config { get; init; }

    public required PlatformNames Names { get; init; }

    /// <summary>The plan's offline rendering (placeholders for apply-time values): names, shapes and every file without a secret.</summary>
    public required PlatformRendering Rendering { get; init; }

    /// <summary>The Tailscale auth key of the nodes' extension (secret; from the Tailnet component).</summary>
    public required Output<string> TalosAuthKey { get; init; }

    /// <summary>The Proxmox VE API token (secret).</summary>
    public required Output<string> ProxmoxApiToken { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
