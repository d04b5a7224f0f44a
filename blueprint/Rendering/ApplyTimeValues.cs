namespace Tazlab.Blueprint.Rendering;

/// <summary>Facts about the apply-time values themselves.</summary>
public static class ApplyTimeValues
{
    /// <summary>Values that differ per Talos node: asked for with the node's name, never alone.</summary>
    public static readonly IReadOnlySet<ApplyTimeValue> PerNode = new HashSet<ApplyTimeValue> { ApplyTimeValue.TalosAuthKey };
}
