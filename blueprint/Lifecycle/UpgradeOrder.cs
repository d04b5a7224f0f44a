using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// The order a Talos upgrade goes through the nodes, for both <c>plan --previous</c> and the Pulumi program: the
/// control-plane nodes one at a time (etcd keeps its quorum), then the workers in batches, each in the order the
/// stack lists them.
/// </summary>
public static class UpgradeOrder
{
    public static IReadOnlyList<IReadOnlyList<T>> Batches<T>(IEnumerable<T> nodes, Func<T, NodeRole> roleOf, int workerBatchSize)
    {
        ArgumentNullException.ThrowIfNull(roleOf);
        var list = nodes.ToList();
        return
        [
            .. list.Where(n => roleOf(n) == NodeRole.ControlPlane).Select(n => (IReadOnlyList<T>)[n]),
            .. list.Where(n => roleOf(n) == NodeRole.Worker).Chunk(Math.Max(1, workerBatchSize)).Select(batch => (IReadOnlyList<T>)batch),
        ];
    }
}
