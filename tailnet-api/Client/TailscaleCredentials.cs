namespace Tazlab.TailnetApi.Client;

/// <summary>
/// How the client authenticates: an OAuth client (exchanged for short-lived access tokens) or an API access
/// token used as a bearer token. The secret is only handed to the HTTP layer; <see cref="ToString"/> names
/// the kind of credential and never its value, so a credential that reaches a log or a message reveals nothing.
/// </summary>
public sealed class TailscaleCredentials
{
    private TailscaleCredentials(string? clientId, string secret)
    {
        ClientId = clientId;
        Secret = secret;
    }

    /// <summary>The OAuth client's id; null for an API access token.</summary>
    public string? ClientId { get; }

    public bool IsOAuthClient => ClientId is not null;

    /// <summary>The OAuth client's secret, or the API access token itself.</summary>
    internal string Secret { get; }

    public static TailscaleCredentials OAuthClient(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        return new TailscaleCredentials(clientId, clientSecret);
    }

    public static TailscaleCredentials ApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return new TailscaleCredentials(null, apiKey);
    }

    public override string ToString() => IsOAuthClient
        ? $"OAuth client ({TailscaleEnvironment.ClientIdVariable}, {TailscaleEnvironment.ClientSecretVariable})"
        : $"API access token ({TailscaleEnvironment.ApiKeyVariable})";
}
