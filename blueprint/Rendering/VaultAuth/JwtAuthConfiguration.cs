namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>vault/jwt-auth.json: the JWT auth mount, its backend configuration and its roles.</summary>
public sealed record JwtAuthConfiguration(string Mount, JwtBackendConfig Config, IReadOnlyList<JwtRoleDefinition> Roles);
