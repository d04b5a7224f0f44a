using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Namespace = Pulumi.Kubernetes.Core.V1.Namespace;
using NamespaceArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs;

namespace Tazlab.Components.Kubernetes;

/// <summary>A namespace the platform creates before its first object in it (a bootstrap Secret comes before the release that uses it).</summary>
public static class KubernetesNamespace
{
    public static Namespace Create(string name, CustomResourceOptions options) =>
        new($"namespace-{name}", new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = name,
                Labels = { { "app.kubernetes.io/managed-by", "tazlab" } },
            },
        }, options);
}
