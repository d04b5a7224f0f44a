using Tazlab.Blueprint.Planning;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ038: at most one control-plane node leaves per <c>up</c>. Each leaves etcd before its VM goes; two at once can
/// take etcd below quorum (with three members, two gone is a cluster that no longer answers). The last one cannot
/// leave at all: validation refuses a stack without a control-plane node.
/// </summary>
public sealed class ControlPlaneRemovalRule : ISafetyRule
{
    public string Id => "TZ038";

    public string Title => "At most one control-plane node is removed at a time";

    public string Fix => "Remove one control-plane node, run up, wait for etcd to be healthy, then remove the next.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.ClusterChange is not { } change)
        {
            return RuleResult.Pass(this);
        }

        var removed = change.Removed.Where(n => n.Role == NodeRole.ControlPlane).Select(n => n.Name).ToList();
        return removed.Count > 1
            ? RuleResult.Fail(this, [$"{removed.Count} control-plane nodes are removed at once ({string.Join(", ", removed)}); expected one per up, so etcd keeps its quorum while each leaves"])
            : RuleResult.Pass(this);
    }
}
