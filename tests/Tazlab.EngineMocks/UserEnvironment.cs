namespace Tazlab.EngineMocks;

/// <summary>The environment variables the program reads from a user's shell for <c>pulumi up</c>.</summary>
public static class UserEnvironment
{
    /// <summary>The Tailscale OAuth client exported, and talosctl installed (any existing file stands in for it).</summary>
    public static IReadOnlyDictionary<string, string> Default { get; } = new Dictionary<string, string>
    {
        ["TAILSCALE_OAUTH_CLIENT_ID"] = "oauth-client-id",
        ["TAILSCALE_OAUTH_CLIENT_SECRET"] = $"{ProviderAnswers.Marker}:tailscale-oauth-client-secret",
        ["TAZLAB_TALOSCTL"] = typeof(UserEnvironment).Assembly.Location,
    };
}
