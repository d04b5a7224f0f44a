using Tazlab.Blueprint.Lifecycle;
using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ034: Talos moves forward at most one minor version per <c>up</c>. Talos tests its configuration migration only
/// between adjacent minors and asks for the latest patch of each on the way (upgrading-talos, v1.11 to v1.13 docs);
/// its installer refuses a host too old for the target outright (<c>compatibility.UpgradeableFrom</c>) and any
/// downgrade across minors.
/// </summary>
public sealed class TalosUpgradePathRule : ISafetyRule
{
    public string Id => "TZ034";

    public string Title => "Talos moves forward one minor version at a time";

    public string Fix => "Set tazlab:talosVersion to the latest patch of the next minor, run up, then take the next step.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.ClusterChange is not { TalosUpgrade: true } change)
        {
            return RuleResult.Pass(this);
        }

        if (!ReleaseVersion.TryParse(change.Previous.TalosVersion, out var from) || !ReleaseVersion.TryParse(change.Current.TalosVersion, out var to))
        {
            return RuleResult.Fail(this, [$"talosVersion {change.Previous.TalosVersion} → {change.Current.TalosVersion}: not both versions as vX.Y.Z; expected pinned releases"]);
        }

        var step = from.Value.MinorsTo(to.Value);
        if (to.Value < from.Value)
        {
            return RuleResult.Fail(this, [$"talosVersion {from} → {to} goes down; the installer refuses a downgrade across minors and a rolled-back node keeps its newer state: expected {from} or later"]);
        }

        if (step > 1)
        {
            var path = string.Join(" → ", Enumerable.Range(1, Math.Min(step, 10) - 1).Select(i => $"the latest v{from.Value.Major}.{from.Value.Minor + i}.x").Prepend(from.ToString()).Append(to.ToString()));
            return RuleResult.Fail(this, [$"talosVersion {from} → {to} skips {step - 1} minor {(step == 2 ? "version" : "versions")}; Talos upgrades one minor at a time: {path}, one up each"]);
        }

        return RuleResult.Pass(this);
    }
}
