using Pulumi;

namespace Tazlab.Components.VaultAccess;

/// <summary>
/// The AppRole credential a stack's Vault provider logs in with (both secret): the owner's comes from its init, a
/// referencing stack's from the owner's grant. Never a root token.
/// </summary>
public sealed record VaultProgramCredential(Output<string> RoleId, Output<string> SecretId);
