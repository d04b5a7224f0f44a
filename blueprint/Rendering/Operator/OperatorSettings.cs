namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>The chart's <c>operatorConfig</c>: the operator's own device tags, hostname and image.</summary>
public sealed record OperatorSettings(IReadOnlyList<string> DefaultTags, string Hostname, ImageSettings Image);
