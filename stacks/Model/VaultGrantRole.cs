namespace Tazlab.Stacks.Model;

/// <summary>
/// A JWT role of a referencing stack, as the owning stack grants it: the owner writes the role's policy, reading
/// exactly these folders under the grant's KV prefix, and the referencing stack's credential may give its roles no
/// other policy. The referencing stack's own <c>tazlab:vaultJwtRoles</c> entry must match it (<c>plan</c> checks).
/// </summary>
public sealed record VaultGrantRole(string Name, IReadOnlyList<string> SecretFolders);
