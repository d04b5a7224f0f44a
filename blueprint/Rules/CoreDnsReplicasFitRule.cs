using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.CoreDns;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ044: CoreDNS asks for no more replicas than the cluster has nodes. Its required anti-affinity places
/// at most one replica per node, so extra replicas stay Pending and the deploy waits until it times out,
/// as it did when CoreDNS could not start (failure 6).
/// </summary>
public sealed class CoreDnsReplicasFitRule : ISafetyRule
{
    public string Id => "TZ044";

    public string Title => "CoreDNS replicas fit the cluster: at most one per node under its required anti-affinity";

    public string Fix => "Set tazlab:corednsReplicas to at most the number of tazlab:talosNodes.";

    public RuleResult Evaluate(PlanContext context)
    {
        var manifests = context.Rendering.Get<CoreDnsRendering>().Manifests;
        var spec = manifests?.Deployment.Spec;
        var oneReplicaPerNode = spec?.Template.Spec.Affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?
            .Any(term => term.TopologyKey == CoreDnsManifests.HostnameTopology) ?? false;
        var replicas = spec?.Replicas ?? 1;

        // CoreDNS tolerates the control-plane taint, so every node can take a replica.
        var nodes = context.Config.Talos.Nodes.Count;
        return oneReplicaPerNode && replicas > nodes
            ? RuleResult.Fail(this, [$"CoreDNS asks for {replicas} replicas, but at most one fits on each of the cluster's {nodes} nodes; {replicas - nodes} would stay Pending"])
            : RuleResult.Pass(this);
    }
}
