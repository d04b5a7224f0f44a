namespace Tazlab.TailnetApi.Client;

/// <summary>Where the Tailscale API is, which tailnet to act on, and the credentials to use.</summary>
/// <param name="BaseUrl">The API's root, ending with a slash so relative paths resolve below it.</param>
/// <param name="Tailnet">The tailnet's id in API paths; <c>-</c> is the credentials' own tailnet.</param>
public sealed record TailscaleSettings(Uri BaseUrl, string Tailnet, TailscaleCredentials Credentials);
