using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ037: an upgrade (Talos or Kubernetes) is the only cluster change of its <c>up</c>. A bootstrap-only change means a
/// rebuild; mixed with an upgrade, a failure half-way leaves nodes that neither the old nor the new plan describes.
/// Removing nodes during an upgrade changes the waves under it.
/// </summary>
public sealed class UpgradeAloneRule : ISafetyRule
{
    public string Id => "TZ037";

    public string Title => "An upgrade is not mixed with a bootstrap-only change or a node removal";

    public string Fix => "Run up with the upgrade alone, then with the other change (or the other way round).";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.ClusterChange is not { } change || !(change.TalosUpgrade || change.KubernetesUpgrade)
            || context.PreviousTalos is not { } previous)
        {
            return RuleResult.Pass(this);
        }

        var what = change.TalosUpgrade ? $"Talos {change.Previous.TalosVersion} → {change.Current.TalosVersion}" : $"Kubernetes {change.Previous.KubernetesVersion} → {change.Current.KubernetesVersion}";
        var before = previous.Fields.Where(f => f.Class == TalosFieldClass.BootstrapOnly).ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);
        var messages = context.Rendering.Get<TalosRendering>().Fields
            .Where(f => f.Class == TalosFieldClass.BootstrapOnly && before.TryGetValue(f.Path, out var old) && old != f.Value)
            .Select(f => $"the upgrade ({what}) comes with a change of the bootstrap-only {f.Path}; expected the upgrade in an up of its own")
            .ToList();
        if (change.Removed.Count > 0)
        {
            messages.Add($"the upgrade ({what}) comes with removing {string.Join(", ", change.Removed.Select(n => n.Name))}; expected the upgrade in an up of its own");
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
