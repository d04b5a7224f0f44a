using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// Reads the manifests <see cref="KubernetesManifests"/> writes back into KubernetesClient models: each YAML
/// document becomes the JSON the model's generated metadata expects (scalars typed by the property they
/// fill), then <see cref="KubernetesJsonContext"/> reads it. Keys a model does not have are ignored.
/// </summary>
internal static class KubernetesManifestReader
{
    /// <summary>The kinds the platform renders (those of <see cref="KubernetesJsonContext"/>), by <c>apiVersion/kind</c>.</summary>
    private static readonly Dictionary<string, Type> Kinds = new[]
    {
        typeof(V1Namespace), typeof(V1ServiceAccount), typeof(V1ClusterRole), typeof(V1ClusterRoleBinding), typeof(V1Role),
        typeof(V1RoleBinding), typeof(V1ConfigMap), typeof(V1Secret), typeof(V1Service), typeof(V1Deployment),
        typeof(V1DaemonSet), typeof(V1PodDisruptionBudget), typeof(V1CronJob),
    }.ToDictionary(ApiVersionAndKind, StringComparer.Ordinal);

    public static IReadOnlyList<object> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = new List<object>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                throw new FormatException($"{document.RootNode.Start}: a manifest is a mapping");
            }

            var key = $"{Scalar(root, "apiVersion")}/{Scalar(root, "kind")}";
            if (!Kinds.TryGetValue(key, out var type))
            {
                throw new FormatException($"{root.Start}: unknown kind {key}");
            }

            var info = KubernetesJsonContext.Default.GetTypeInfo(type)!;
            objects.Add(JsonSerializer.Deserialize(ToJson(root, info), info)!);
        }

        return objects;
    }

    private static string ApiVersionAndKind(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>() ?? throw new InvalidOperationException($"{type} is not a Kubernetes entity");
        var group = string.IsNullOrEmpty(entity.Group) ? string.Empty : entity.Group + "/";
        return $"{group}{entity.ApiVersion}/{entity.Kind}";
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static JsonNode? ToJson(YamlNode node, JsonTypeInfo info) => node switch
    {
        YamlScalarNode scalar => ScalarToJson(scalar, info.Type),
        YamlSequenceNode sequence when info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element =>
            new JsonArray([.. sequence.Children.Select(child => ToJson(child, info.Options.GetTypeInfo(element)))]),
        YamlMappingNode mapping when info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } element =>
            ObjectOf(mapping.Children.Select(entry => (Key(entry.Key), ToJson(entry.Value, info.Options.GetTypeInfo(element))))),
        YamlMappingNode mapping when info.Kind == JsonTypeInfoKind.Object =>
            ObjectOf(mapping.Children
                .Select(entry => (Name: Key(entry.Key), entry.Value))
                .Select(entry => (entry.Name, Property: info.Properties.FirstOrDefault(p => p.Name == entry.Name), entry.Value))
                .Where(entry => entry.Property is not null)
                .Select(entry => (entry.Name, ToJson(entry.Value, info.Options.GetTypeInfo(entry.Property!.PropertyType))))),
        _ => throw new FormatException($"{node.Start}: unexpected {node.NodeType} for {info.Type.Name}"),
    };

    private static JsonObject ObjectOf(IEnumerable<(string Key, JsonNode? Value)> entries)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            result[key] = value;
        }

        return result;
    }

    private static string Key(YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new FormatException($"{node.Start}: a key is a scalar");

    private static JsonNode? ScalarToJson(YamlScalarNode scalar, Type type)
    {
        var text = scalar.Value ?? string.Empty;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && text is "" or "~" or "null" && type != typeof(string))
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(bool))
        {
            return JsonValue.Create(bool.Parse(text));
        }

        if (target == typeof(int) || target == typeof(long))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }

        if (target == typeof(double) || target == typeof(float))
        {
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (target == typeof(IntOrString) && plain && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
