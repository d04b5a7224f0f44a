using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>
/// The tailscale-operator chart values this platform sets, under the chart's own names. <c>oauth</c> stays
/// empty on purpose: the chart then reads the pre-created <c>operator-oauth</c> Secret, never inline credentials.
/// </summary>
public sealed record OperatorHelmValues(
    [property: YamlMember(Alias = "oauth")] IReadOnlyDictionary<string, string> OAuth,
    [property: YamlMember(Alias = "installCRDs")] bool InstallCrds,
    OperatorSettings OperatorConfig,
    ProxySettings ProxyConfig,
    ApiServerProxySettings ApiServerProxyConfig);
