namespace Tazlab.Blueprint.Lifecycle;

/// <summary>One step of an upgrade: the nodes upgraded together, and the next wave waits until they are healthy.</summary>
/// <param name="Number">1 for the first wave.</param>
/// <param name="Nodes">The nodes upgraded in this wave; for Kubernetes, the control-plane node the command is sent to.</param>
public sealed record UpgradeWave(int Number, UpgradeKind Kind, IReadOnlyList<string> Nodes, string From, string To, TimeSpan Estimate)
{
    public string KindName => Kind == UpgradeKind.TalosOs ? "talos" : "kubernetes";
}
