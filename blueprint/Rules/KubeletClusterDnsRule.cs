using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ033: with a user-managed CoreDNS, every kubelet hands pods its Service address. Left alone, kubelets use the
/// tenth address of the service CIDR, and a CoreDNS pinned elsewhere would leave every pod without DNS (the
/// user-managed CoreDNS of failure 3, and the cluster-IP fact in DOMAIN.md).
/// </summary>
public sealed class KubeletClusterDnsRule : ISafetyRule
{
    public string Id => "TZ033";

    public string Title => "Kubelets hand pods the user-managed CoreDNS Service address";

    public string Fix => "Set machine.kubelet.clusterDNS to tazlab:corednsClusterIp in the control-plane and worker patches, and nowhere to anything else.";

    public RuleResult Evaluate(PlanContext context)
    {
        var coreDns = context.Config.CoreDns;
        if (!coreDns.UserManaged)
        {
            return RuleResult.Pass(this);
        }

        var talos = context.Rendering.Get<TalosRendering>();
        var expected = coreDns.ClusterIp.ToString();
        var key = $"{context.Config.ProjectName}:corednsClusterIp";
        var messages = new List<string>();
        foreach (var patch in talos.Patches)
        {
            if (!TalosYaml.TryRead(patch, out var documents, out var problem))
            {
                messages.Add(problem);
                continue;
            }

            var lists = documents
                .Where(d => TalosYaml.Find(d, "machine", "kubelet", "clusterDNS") is not null)
                .Select(d => TalosYaml.Strings(d, "machine", "kubelet", "clusterDNS"))
                .ToList();
            var wrong = lists.FirstOrDefault(values => values is not [var only] || only != expected);
            if (wrong is not null)
            {
                messages.Add($"{patch.Path}: machine.kubelet.clusterDNS is [{string.Join(", ", wrong)}] but the CoreDNS Service answers on {expected} ({key})");
            }
            else if (lists.Count == 0 && (patch == talos.ControlPlanePatch || patch == talos.WorkerPatch))
            {
                // A node's own patch may leave it to its role's patch; each role's patch must set it.
                messages.Add($"{patch.Path}: machine.kubelet.clusterDNS is not set, so kubelets hand pods the tenth address of the service CIDR instead of {expected} ({key})");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
