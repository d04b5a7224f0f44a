using Tazlab.Blueprint.Lifecycle;
using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ036: the Kubernetes version is one the Talos version runs (<see cref="KubernetesSupport"/>: Talos' own table).
/// During a Talos upgrade the nodes run the new Talos with the old Kubernetes until the Kubernetes step: so the
/// previous Kubernetes version must be supported by the new Talos too.
/// </summary>
public sealed class KubernetesSupportedByTalosRule : ISafetyRule
{
    public string Id => "TZ036";

    public string Title => "The Kubernetes version is one the Talos version supports";

    public string Fix => "Choose a Kubernetes version inside the Talos version's range, or upgrade Kubernetes first (within the old Talos' range) and Talos after.";

    public RuleResult Evaluate(PlanContext context)
    {
        var talos = context.Config.Talos;
        if (!ReleaseVersion.TryParse(talos.TalosVersion, out var talosVersion) || !ReleaseVersion.TryParse(talos.KubernetesVersion, out var kubernetes))
        {
            return RuleResult.Skip(this, "talosVersion or kubernetesVersion is not a vX.Y.Z release");
        }

        var messages = new List<string>();
        if (!KubernetesSupport.Supports(talosVersion.Value, kubernetes.Value))
        {
            messages.Add($"kubernetesVersion {kubernetes} does not run on Talos {talosVersion}; expected {KubernetesSupport.Describe(talosVersion.Value)}");
        }

        if (context.ClusterChange is { TalosUpgrade: true } change && change.Previous.KubernetesVersion != talos.KubernetesVersion
            && ReleaseVersion.TryParse(change.Previous.KubernetesVersion, out var running) && !KubernetesSupport.Supports(talosVersion.Value, running.Value))
        {
            messages.Add($"the running Kubernetes {running} does not run on Talos {talosVersion}, which the nodes reach before the Kubernetes step; expected to upgrade Kubernetes first, within {KubernetesSupport.Describe(talosVersion.Value)}");
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
