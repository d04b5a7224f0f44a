namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>spec.provider.vault.auth: External Secrets logs in to Vault's JWT backend with its own service account's token.</summary>
public sealed record VaultProviderAuth(VaultJwtAuth Jwt);
