namespace Tazlab.Stacks.Model;

/// <summary>The Tailscale Kubernetes operator's Helm release.</summary>
/// <param name="OAuthSource">Where the operator's OAuth secret comes from.</param>
/// <param name="ProxyTags">Tags of the proxy devices the operator creates (owned by the operator's tag).</param>
public sealed record TailscaleOperatorConfig(string ChartVersion, string Namespace, OAuthSecretSource OAuthSource, IReadOnlyList<string> ProxyTags);
