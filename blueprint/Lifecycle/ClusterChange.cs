using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// What the next <c>up</c> does to a running cluster, from the plan applied before and this one: the Talos waves
/// (control-plane nodes one at a time, then workers in batches), the Kubernetes upgrade after them, and the nodes
/// added (created at the new version directly) and removed.
/// </summary>
public sealed record ClusterChange(ClusterFacts Previous, ClusterFacts Current, IReadOnlyList<NodeFact> Added, IReadOnlyList<NodeFact> Removed, IReadOnlyList<UpgradeWave> Waves)
{
    public bool TalosUpgrade => Previous.TalosVersion != Current.TalosVersion || Previous.SchematicId != Current.SchematicId;

    public bool KubernetesUpgrade => Previous.KubernetesVersion != Current.KubernetesVersion;

    public TimeSpan Estimate => Waves.Aggregate(TimeSpan.Zero, (total, wave) => total + wave.Estimate);

    public static ClusterChange Between(ClusterFacts previous, ClusterFacts current, int workerBatchSize)
    {
        var before = previous.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var after = current.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        // Only nodes that are running now are upgraded; a new node boots the new version's image from the start.
        var running = current.Nodes.Where(n => before.Contains(n.Name)).ToList();
        var waves = new List<UpgradeWave>();
        if (previous.TalosVersion != current.TalosVersion || previous.SchematicId != current.SchematicId)
        {
            var from = Describe(previous);
            var to = Describe(current);
            foreach (var batch in UpgradeOrder.Batches(running, n => n.Role, workerBatchSize))
            {
                waves.Add(new UpgradeWave(waves.Count + 1, UpgradeKind.TalosOs, [.. batch.Select(n => n.Name)], from, to, UpgradeEstimates.TalosNode));
            }
        }

        if (previous.KubernetesVersion != current.KubernetesVersion && running.FirstOrDefault(n => n.Role == NodeRole.ControlPlane) is { } target)
        {
            var estimate = UpgradeEstimates.KubernetesBase + (UpgradeEstimates.KubernetesPerNode * running.Count);
            waves.Add(new UpgradeWave(waves.Count + 1, UpgradeKind.Kubernetes, [target.Name], previous.KubernetesVersion, current.KubernetesVersion, estimate));
        }

        return new ClusterChange(
            previous,
            current,
            [.. current.Nodes.Where(n => !before.Contains(n.Name))],
            [.. previous.Nodes.Where(n => !after.Contains(n.Name))],
            waves);
    }

    // A schematic change at the same version is an upgrade too (new extensions): say which.
    private static string Describe(ClusterFacts facts) => $"{facts.TalosVersion} (schematic {facts.SchematicId[..Math.Min(12, facts.SchematicId.Length)]})";
}
