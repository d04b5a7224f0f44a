using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>
/// The proxies' image (the chart's <c>proxyConfig.image</c>): repository and tag only. The chart passes just the
/// image reference to the operator (PROXY_IMAGE); a pull policy there would be read by nothing (only a ProxyClass sets one).
/// </summary>
public sealed record ProxyImageSettings(string Repository, string Tag)
{
    [YamlIgnore]
    public string Reference => $"{Repository}:{Tag}";
}
