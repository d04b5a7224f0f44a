namespace Tazlab.TailnetApi.Client;

/// <summary>
/// Reads the Tailscale API settings from environment variables only, so that credentials never appear on a
/// command line (where process listings and shell histories would keep them). The variable names are the
/// ones the Tailscale Terraform provider reads, so one environment serves both.
/// </summary>
public static class TailscaleEnvironment
{
    public const string ClientIdVariable = "TAILSCALE_OAUTH_CLIENT_ID";
    public const string ClientSecretVariable = "TAILSCALE_OAUTH_CLIENT_SECRET";
    public const string ApiKeyVariable = "TAILSCALE_API_KEY";
    public const string BaseUrlVariable = "TAILSCALE_BASE_URL";
    public const string TailnetVariable = "TAILSCALE_TAILNET";

    /// <summary>In API paths, <c>-</c> stands for the tailnet the credentials belong to.</summary>
    public const string OwnTailnet = "-";

    /// <summary>The scope the device endpoints need (list and delete).</summary>
    public const string DevicesScope = "devices:core";

    public static readonly Uri DefaultBaseUrl = new("https://api.tailscale.com/");

    /// <summary>Returns the settings, or null with every problem in <paramref name="problems"/> (values of secrets are never quoted).</summary>
    public static TailscaleSettings? Read(Func<string, string?> environment, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var found = new List<string>();
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var credentials = ReadCredentials(Get(ClientIdVariable), Get(ClientSecretVariable), Get(ApiKeyVariable), found);
        var baseUrl = DefaultBaseUrl;
        if (Get(BaseUrlVariable) is { } raw)
        {
            if (Uri.TryCreate(raw, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
            {
                // A trailing slash makes "api/v2/..." resolve below any path prefix the URL carries.
                baseUrl = new Uri(parsed.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
            }
            else
            {
                found.Add($"{BaseUrlVariable}: '{raw}' is not an http(s) URL; expected the API's root, e.g. {DefaultBaseUrl.GetLeftPart(UriPartial.Authority)}");
            }
        }

        problems = found;
        return credentials is null || found.Count > 0 ? null : new TailscaleSettings(baseUrl, Get(TailnetVariable) ?? OwnTailnet, credentials);
    }

    private static TailscaleCredentials? ReadCredentials(string? clientId, string? clientSecret, string? apiKey, List<string> problems)
    {
        if (clientId is not null && clientSecret is not null)
        {
            return TailscaleCredentials.OAuthClient(clientId, clientSecret);
        }

        // Half an OAuth client is a mistake worth naming, rather than silently falling back to an API key.
        if (clientId is not null)
        {
            problems.Add($"{ClientSecretVariable}: not set while {ClientIdVariable} is; expected the OAuth client's secret");
            return null;
        }

        if (clientSecret is not null)
        {
            problems.Add($"{ClientIdVariable}: not set while {ClientSecretVariable} is; expected the OAuth client's id");
            return null;
        }

        if (apiKey is not null)
        {
            return TailscaleCredentials.ApiKey(apiKey);
        }

        problems.Add($"{ClientIdVariable}, {ClientSecretVariable}, {ApiKeyVariable}: none is set; expected {ClientIdVariable} and {ClientSecretVariable} of an OAuth client with the {DevicesScope} scope, or {ApiKeyVariable}");
        return null;
    }
}
