namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// A value a rendered file needs that only exists at apply time: a secret minted or read by Pulumi, or
/// material another resource produces. Offline it renders as a placeholder; the Pulumi program renders the
/// same file with the real value inside an <c>Output</c>, so nothing is rendered twice.
/// </summary>
public enum ApplyTimeValue
{
    /// <summary>
    /// Tailscale auth key of one Talos node's extension (secret). Per node: a single-use key joins exactly one
    /// device, so every node has its own (<see cref="IApplyTimeValues.this[ApplyTimeValue, string]"/>).
    /// </summary>
    TalosAuthKey,

    /// <summary>
    /// The installer image Image Factory names for the cluster's schematic, Talos version and platform (public):
    /// what the provider's URL lookup returns, never built by hand (for nocloud it is a platform installer).
    /// </summary>
    TalosInstallerImage,

    /// <summary>The CA that signed Vault's certificate, PEM (public).</summary>
    VaultCaCertificate,

    /// <summary>The operator's OAuth client id (secret: it pairs with the secret).</summary>
    OperatorOAuthClientId,

    /// <summary>The operator's OAuth client secret (secret).</summary>
    OperatorOAuthClientSecret,

    /// <summary>Flux's Git token (secret).</summary>
    FluxGitToken,

    /// <summary>The cluster's service-account public key, PEM (public; from the machine secrets).</summary>
    ServiceAccountPublicKey,

    /// <summary>The Kubernetes cluster CA, PEM (public; from the machine secrets): Vault trusts the API server with it in jwks-url mode.</summary>
    KubernetesCaCertificate,
}
