namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>The chart's <c>proxyConfig</c>: tags (comma-separated, as the chart wants) and image of the proxies.</summary>
public sealed record ProxySettings(string DefaultTags, ProxyImageSettings Image);
