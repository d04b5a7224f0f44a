using System.Collections.Immutable;
using k8s.Models;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;
using KubernetesSecretArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs;

namespace Tazlab.Components.Kubernetes;

/// <summary>
/// A Kubernetes Secret exactly as the blueprint renders it: its name, namespace, labels and type from the
/// rendering, its data from the same rendering with the real values (secret end to end).
/// </summary>
public static class RenderedSecret
{
    public static KubernetesSecret Create(string name, V1Secret shape, Output<V1Secret> applied, CustomResourceOptions options) =>
        new(name, new KubernetesSecretArgs
        {
            Metadata = Metadata(shape.Metadata),
            Type = shape.Type,
            StringData = Output.CreateSecret(applied.Apply(s => (s.StringData ?? new Dictionary<string, string>()).ToImmutableDictionary())),
        }, options);

    public static ObjectMetaArgs Metadata(V1ObjectMeta metadata)
    {
        var args = new ObjectMetaArgs { Name = metadata.Name };
        if (metadata.NamespaceProperty is { } ns)
        {
            args.Namespace = ns;
        }

        foreach (var (key, value) in metadata.Labels ?? new Dictionary<string, string>())
        {
            args.Labels.Add(key, value);
        }

        foreach (var (key, value) in metadata.Annotations ?? new Dictionary<string, string>())
        {
            args.Annotations.Add(key, value);
        }

        return args;
    }
}
