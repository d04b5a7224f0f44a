namespace Tazlab.Stacks.Model;

/// <summary>The Tailscale Kubernetes operator's Helm release.</summary>
/// <param name="OAuthSource">Where the operator's OAuth secret comes from.</param>
/// <param name="ProxyTags">Tags of the proxy devices the operator creates (owned by the operator's tag).</param>
/// <param name="OperatorTags">Tags of the operator's own device: its OAuth client's tags (read from the client in the owning stack).</param>
public sealed record TailscaleOperatorConfig(
    string ChartVersion,
    string Namespace,
    OAuthSecretSource OAuthSource,
    IReadOnlyList<string> ProxyTags,
    IReadOnlyList<string> OperatorTags);
