namespace Tazlab.Stacks.Model;

/// <summary>A Tailscale OAuth client: machine credentials that mint short-lived auth keys.</summary>
public sealed record OAuthClientConfig(string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Tags);
