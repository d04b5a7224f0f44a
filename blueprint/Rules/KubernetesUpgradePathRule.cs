using Tazlab.Blueprint.Lifecycle;
using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ035: Kubernetes moves forward at most one minor version per <c>up</c> and never down. <c>talosctl upgrade-k8s</c>
/// accepts only the same minor or the next (go-kubernetes <c>upgrade/path.go</c>), as Kubernetes' version-skew
/// policy requires; nothing in Talos rolls the control plane back.
/// </summary>
public sealed class KubernetesUpgradePathRule : ISafetyRule
{
    public string Id => "TZ035";

    public string Title => "Kubernetes moves forward one minor version at a time";

    public string Fix => "Set tazlab:kubernetesVersion to a release of the next minor at most, run up, then take the next step.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.ClusterChange is not { KubernetesUpgrade: true } change)
        {
            return RuleResult.Pass(this);
        }

        if (!ReleaseVersion.TryParse(change.Previous.KubernetesVersion, out var from) || !ReleaseVersion.TryParse(change.Current.KubernetesVersion, out var to))
        {
            return RuleResult.Fail(this, [$"kubernetesVersion {change.Previous.KubernetesVersion} → {change.Current.KubernetesVersion}: not both versions as vX.Y.Z; expected pinned releases"]);
        }

        if (to.Value < from.Value)
        {
            return RuleResult.Fail(this, [$"kubernetesVersion {from} → {to} goes down; a control plane is never downgraded (etcd's stored objects may already use the newer API): expected {from} or later"]);
        }

        var step = from.Value.MinorsTo(to.Value);
        return step > 1
            ? RuleResult.Fail(this, [$"kubernetesVersion {from} → {to} skips {step - 1} minor {(step == 2 ? "version" : "versions")}; talosctl upgrade-k8s moves one minor at a time: {from} → v{from.Value.Major}.{from.Value.Minor + 1}.x → … → {to}, one up each"])
            : RuleResult.Pass(this);
    }
}
