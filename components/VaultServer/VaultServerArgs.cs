using Tazlab.Blueprint.Rendering;
using Pulumi;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.VaultServer;

/// <summary>What the Vault server needs: the validated stack, its names, the VM's auth key and the SSH key for the bootstrap commands.</summary>
public sealed class VaultServerArgs
{
    public required StackConfig Config { get; init; }

    public required PlatformNames Names { get; init; }

    /// <summary>The plan's offline rendering (placeholders for apply-time values): names, shapes and every file without a secret.</summary>
    public required PlatformRendering Rendering { get; init; }

    /// <summary>The Tailscale auth key the VM joins with (secret; from the Tailnet component).</summary>
    public required Output<string> AuthKey { get; init; }

    /// <summary>The private half of <c>tazlab:vaultSshPublicKey</c> (secret), for the init and unseal commands.</summary>
    public required Output<string> SshPrivateKey { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
