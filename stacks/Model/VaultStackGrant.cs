namespace Tazlab.Stacks.Model;

/// <summary>
/// What the stack that owns Vault lets a referencing stack do on it: the owner's program creates that stack's own
/// AppRole credential, whose policy reaches only <paramref name="JwtMount"/>, the policies named after it and the
/// stack's reader policy. The grant lives in the owner's file, so a referencing stack cannot widen its own rights.
/// </summary>
/// <param name="Stack">The referencing stack's name, e.g. <c>dev</c>.</param>
/// <param name="JwtMount">Its JWT mount on the owner's Vault (its own <c>tazlab:vaultJwtMount</c>).</param>
/// <param name="KvPrefix">The KV folder its roles' policies read (its own <c>tazlab:vaultKvPrefix</c>).</param>
public sealed record VaultStackGrant(string Stack, string JwtMount, string KvPrefix);
