namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>spec.provider: exactly one provider; this platform uses Vault.</summary>
public sealed record SecretStoreProvider(VaultProvider Vault);
