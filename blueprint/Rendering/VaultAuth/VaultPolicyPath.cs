namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>One <c>path "…" { capabilities = […] }</c> rule of a Vault policy.</summary>
public sealed record VaultPolicyPath(string Path, IReadOnlyList<string> Capabilities);
