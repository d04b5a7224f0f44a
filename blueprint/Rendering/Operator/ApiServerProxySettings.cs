using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>
/// The chart's <c>apiServerProxyConfig</c>. Off: the API server is exposed by a LoadBalancer Service of class
/// tailscale instead, which keeps Kubernetes' own authentication in front of it.
/// </summary>
public sealed record ApiServerProxySettings([property: YamlMember(ScalarStyle = ScalarStyle.DoubleQuoted)] string Mode);
