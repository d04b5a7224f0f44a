using Pulumi;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.VaultServer;

/// <summary>What the Vault server needs: the validated stack, its names and the SSH key for the bootstrap commands.</summary>
public sealed class VaultServerArgs : PlatformPartArgs
{
    /// <summary>The private half of <c>tazlab:vaultSshPublicKey</c> (secret), for the join, TLS and init commands.</summary>
    public required Output<string> SshPrivateKey { get; init; }

    /// <summary>The project folder relative to the program's: where the unseal runs the CLI and Vault's CA file lies.</summary>
    public required string ProjectRoot { get; init; }
}
