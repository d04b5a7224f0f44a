using Pulumi;
using Tazlab.Components.VaultAccess;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.VaultKubernetesAuth;

public sealed class VaultKubernetesAuthArgs : PlatformPartArgs
{
    /// <summary>Vault's API URL and CA (public): this stack's VaultServer outputs, or the owning stack's.</summary>
    public required Output<string> VaultApiUrl { get; init; }

    public required Output<string> VaultCaCertificate { get; init; }

    /// <summary>The stack's own AppRole credential: from its init (owner) or the owner's grant (referencing stack).</summary>
    public required VaultProgramCredential VaultCredential { get; init; }

    /// <summary>The cluster's service-account public key (pubkeys mode) and its CA (jwks-url mode), from the Talos cluster.</summary>
    public required Output<string> ServiceAccountPublicKey { get; init; }

    public required Output<string> KubernetesCaCertificate { get; init; }

    /// <summary>
    /// The stack owns Vault: it creates the KV v2 mount and writes its roles' policies. A referencing stack does
    /// neither: it uses the owner's mount with its own prefix, and the owner writes its policies from its grant (its
    /// credential cannot); the program registers the stack reference as those graph nodes.
    /// </summary>
    public required bool OwnsVault { get; init; }

    public required ClusterAccess Cluster { get; init; }

    /// <summary>The project folder relative to the program's folder (<c>EngineInputs.ProjectRoot</c>): Vault's CA file goes under it.</summary>
    public required string ProjectRoot { get; init; }
}
