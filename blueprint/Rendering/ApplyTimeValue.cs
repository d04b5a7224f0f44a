namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// A value a rendered file needs that only exists at apply time: a secret minted or read by Pulumi, or
/// material another resource produces. Offline it renders as a placeholder; the Pulumi program renders the
/// same file with the real value inside an <c>Output</c>, so nothing is rendered twice.
/// </summary>
public enum ApplyTimeValue
{
    /// <summary>Tailscale auth key the Vault VM joins with (secret).</summary>
    VaultAuthKey,

    /// <summary>Tailscale auth key of the Talos nodes' extension (secret).</summary>
    TalosAuthKey,

    /// <summary>Vault's TLS certificate, PEM (public).</summary>
    VaultTlsCertificate,

    /// <summary>Vault's TLS private key, PEM (secret).</summary>
    VaultTlsPrivateKey,

    /// <summary>The CA that signed Vault's certificate, PEM (public).</summary>
    VaultCaCertificate,

    /// <summary>The operator's OAuth client id (secret: it pairs with the secret).</summary>
    OperatorOAuthClientId,

    /// <summary>The operator's OAuth client secret (secret).</summary>
    OperatorOAuthClientSecret,

    /// <summary>Flux's Git token (secret).</summary>
    FluxGitToken,

    /// <summary>The scoped Vault token External Secrets reads with (secret).</summary>
    EsoReaderToken,

    /// <summary>The cluster's service-account public key, PEM (public; from the machine secrets).</summary>
    ServiceAccountPublicKey,

    /// <summary>The Kubernetes cluster CA, PEM (public; from the machine secrets): Vault trusts the API server with it in jwks-url mode.</summary>
    KubernetesCaCertificate,
}
