namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>spec.provider.vault.auth: a scoped token read from a Kubernetes Secret.</summary>
public sealed record VaultProviderAuth(SecretKeySelector TokenSecretRef);
