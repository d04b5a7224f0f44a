namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// The body of <c>auth/&lt;mount&gt;/config</c>. Vault accepts exactly one key source: <c>jwt_validation_pubkeys</c>,
/// <c>jwks_url</c> or <c>oidc_discovery_url</c>; unset sources are left out of the JSON.
/// </summary>
/// <param name="JwksCaPem">The CA that signed the API server's certificate, for <c>jwks_url</c>.</param>
public sealed record JwtBackendConfig(
    string BoundIssuer,
    IReadOnlyList<string>? JwtValidationPubkeys = null,
    string? JwksUrl = null,
    string? JwksCaPem = null,
    string? OidcDiscoveryUrl = null)
{
    /// <summary>The key sources that are set, by their Vault parameter names.</summary>
    public IReadOnlyList<string> KeySources()
    {
        var sources = new List<string>();
        if (OidcDiscoveryUrl is { Length: > 0 })
        {
            sources.Add("oidc_discovery_url");
        }

        if (JwksUrl is { Length: > 0 })
        {
            sources.Add("jwks_url");
        }

        if (JwtValidationPubkeys is { Count: > 0 })
        {
            sources.Add("jwt_validation_pubkeys");
        }

        return sources;
    }
}
