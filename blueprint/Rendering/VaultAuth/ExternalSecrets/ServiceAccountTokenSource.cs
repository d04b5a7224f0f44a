namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>
/// auth.jwt.kubernetesServiceAccountToken: ESO asks the API server for a short-lived token of this service account
/// (TokenRequest) with Vault's audience, at each login: no long-lived token exists anywhere.
/// </summary>
public sealed record ServiceAccountTokenSource(ServiceAccountSelector ServiceAccountRef, IReadOnlyList<string> Audiences, long ExpirationSeconds);
