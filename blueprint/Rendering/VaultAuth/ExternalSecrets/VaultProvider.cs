namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>spec.provider.vault (ESO v1 VaultProvider).</summary>
/// <param name="Path">Mount path of the KV engine.</param>
/// <param name="Version">KV engine version, <c>v2</c>.</param>
/// <param name="CaBundle">Base64 of the PEM CA that signed Vault's certificate.</param>
public sealed record VaultProvider(string Server, string Path, string Version, string CaBundle, VaultProviderAuth Auth);
