namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>The body of <c>auth/&lt;mount&gt;/role/&lt;name&gt;</c> (plus its name); TTLs in seconds.</summary>
public sealed record JwtRoleDefinition(
    string Name,
    string RoleType,
    IReadOnlyList<string> BoundAudiences,
    string BoundSubject,
    string UserClaim,
    long TokenTtl,
    long TokenMaxTtl,
    IReadOnlyList<string> TokenPolicies);
