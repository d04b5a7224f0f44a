namespace Tazlab.Stacks.Model;

/// <summary>
/// What the stack that owns Vault lets a referencing stack do on it: the owner's program writes that stack's role
/// and reader policies (reading only under <paramref name="KvPrefix"/>) and creates its own AppRole credential, which
/// reaches only <paramref name="JwtMount"/> and may give its roles those policies alone. The grant lives in the
/// owner's file, so a referencing stack cannot widen its own rights.
/// </summary>
/// <param name="Stack">The referencing stack's name, e.g. <c>dev</c>.</param>
/// <param name="JwtMount">Its JWT mount on the owner's Vault (its own <c>tazlab:vaultJwtMount</c>).</param>
/// <param name="KvPrefix">The KV folder its roles' policies read (its own <c>tazlab:vaultKvPrefix</c>).</param>
/// <param name="Roles">Its JWT roles and the folders each reads (its own <c>tazlab:vaultJwtRoles</c>).</param>
public sealed record VaultStackGrant(string Stack, string JwtMount, string KvPrefix, IReadOnlyList<VaultGrantRole> Roles);
