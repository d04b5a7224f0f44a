using Pulumi;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace Tazlab.Components.Kubernetes;

/// <summary>The explicit provider every Kubernetes object goes through, and the order an object in the cluster needs.</summary>
/// <param name="Provider">Built from the healthy cluster's kubeconfig.</param>
public sealed record ClusterAccess(KubernetesProvider Provider)
{
    /// <summary>Options for a Kubernetes child of <paramref name="parent"/> that depends on <paramref name="dependsOn"/>.</summary>
    public CustomResourceOptions Options(Resource parent, InputList<Resource> dependsOn) => new()
    {
        Parent = parent,
        Provider = Provider,
        DependsOn = dependsOn,
    };

    /// <summary>Options for a Kubernetes component (a ConfigGroup): the provider is passed on to what it creates.</summary>
    public ComponentResourceOptions ComponentOptions(Resource parent, InputList<Resource> dependsOn) => new()
    {
        Parent = parent,
        Providers = { Provider },
        DependsOn = dependsOn,
    };
}
