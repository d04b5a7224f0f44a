using Pulumi;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.VaultServer;

/// <summary>What the Vault server needs: the validated stack, its names, the VM's auth key and the SSH key for the bootstrap commands.</summary>
public sealed class VaultServerArgs : PlatformPartArgs
{
    /// <summary>The Tailscale auth key the VM joins with (secret; from the Tailnet component).</summary>
    public required Output<string> AuthKey { get; init; }

    /// <summary>The private half of <c>tazlab:vaultSshPublicKey</c> (secret), for the init and unseal commands.</summary>
    public required Output<string> SshPrivateKey { get; init; }
}
