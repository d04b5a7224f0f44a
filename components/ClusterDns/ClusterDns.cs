using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Components.Rendering;

namespace Tazlab.Components.ClusterDns;

/// <summary>
/// The user-managed CoreDNS: the rendered objects (its Corefile ConfigMap, Deployment, the kube-dns Service on the
/// pinned cluster IP, RBAC) applied through the cluster's provider once the machine configuration - with Talos'
/// own CoreDNS disabled - is in place and the cluster is healthy.
/// </summary>
public sealed class ClusterDns : ComponentResource
{
    public const string TypeToken = "tazlab:dns:ClusterDns";

    public ClusterDns(string name, ClusterDnsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var manifests = args.Rendering.Manifests ?? throw new ArgumentException("CoreDNS is not user-managed in this stack.", nameof(args));
        args.Wiring.Register("coredns", new ConfigGroup("coredns", new ConfigGroupArgs
        {
            Yaml = ApplyTimeRendering.File(args.Rendering, CoreDnsRendering.ManifestsFile),
        }, args.Cluster.ComponentOptions(this, args.Wiring.DependenciesOf("coredns"))));

        ClusterIp = Output.Create(manifests.Service.Spec.ClusterIP);
        RegisterOutputs(new Dictionary<string, object?> { ["clusterIp"] = ClusterIp });
    }

    /// <summary>The kube-dns Service's address, the resolver kubelets hand to pods.</summary>
    [Output("clusterIp")]
    public Output<string> ClusterIp { get; }
}
