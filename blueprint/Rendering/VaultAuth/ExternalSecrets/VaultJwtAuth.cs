namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>spec.provider.vault.auth.jwt: the JWT backend's mount and role, and the token ESO requests to log in with.</summary>
public sealed record VaultJwtAuth(string Path, string Role, ServiceAccountTokenSource KubernetesServiceAccountToken);
