using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>An image the chart deploys, pinned by tag.</summary>
public sealed record ImageSettings(string Repository, string Tag, string PullPolicy)
{
    [YamlIgnore]
    public string Reference => $"{Repository}:{Tag}";
}
