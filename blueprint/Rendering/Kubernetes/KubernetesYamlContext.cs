using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Tazlab.Blueprint.Rendering.Yaml;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// The KubernetesClient models' properties for YAML, taken from generated System.Text.Json metadata
/// (<see cref="KubernetesJsonContext"/>; no reflection): each property under its JSON name, and on a type with <c>apiVersion</c> or
/// <c>kind</c> those two and <c>metadata</c> first — the names and order KubernetesClient's own YAML
/// serialiser gives them.
/// </summary>
internal static class KubernetesYamlContext
{
    private static readonly string[] PreferredOrder = ["apiVersion", "kind", "metadata"];
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<IPropertyDescriptor>?> Cache = new();

    public static SerializationContext Create() => new(type => Cache.GetOrAdd(type, Describe));

    /// <summary>The model's JSON metadata, or null for a type the package's JSON context does not know.</summary>
    public static JsonTypeInfo? TypeInfo(Type type) =>
        KubernetesJsonContext.Default.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Object } info ? info : null;

    private static IReadOnlyList<IPropertyDescriptor>? Describe(Type type)
    {
        if (TypeInfo(type) is not { } info)
        {
            return null;
        }

        var properties = info.Properties.Where(p => p.Get is not null).ToList();
        var preferred = properties.Any(p => p.Name is "apiVersion" or "kind");
        var next = preferred ? PreferredOrder.Length : 0;
        return properties
            .Select(p =>
            {
                var order = 0;
                if (preferred)
                {
                    order = Array.IndexOf(PreferredOrder, p.Name);
                    if (order < 0)
                    {
                        order = next++;
                    }
                }

                var member = new YamlMemberAttribute { Alias = p.Name, ApplyNamingConventions = false, Order = order };
                var get = p.Get!;
                return (IPropertyDescriptor)new ReadOnlyPropertyDescriptor(p.Name, p.PropertyType, get, member: null, member);
            })
            .ToList();
    }
}
