using System.Text;
using System.Text.Json;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Reads <c>talosctl get … -o json</c>: one indented JSON object per resource, one after the other, each with its
/// <c>metadata</c> and <c>spec</c> (cmd/talosctl/cmd/talos/output/json.go).
/// </summary>
public static class TalosResourceOutput
{
    /// <summary>The resources printed, or null when the text is not that stream of JSON objects.</summary>
    public static IReadOnlyList<JsonElement>? Resources(string stdout)
    {
        var resources = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(stdout), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                resources.Add(JsonElement.ParseValue(ref reader));
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return resources;
    }

    /// <summary>The running image's schematic: the version of Image Factory's virtual extension named <c>schematic</c>.</summary>
    public static string? SchematicId(IReadOnlyList<JsonElement> extensions)
    {
        foreach (var extension in extensions)
        {
            if (extension.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && Text(metadata, "name") == SchematicExtensionName)
            {
                return Text(metadata, "version")?.ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a configuration is staged: the <c>persistent</c> machine configuration (what the next boot loads)
    /// differs from the active <c>v1alpha1</c> one (pkg/machinery/resources/config/machine_config.go, Talos 1.10 and
    /// later). Null when either is missing from the output.
    /// </summary>
    public static bool? HasStagedConfiguration(IReadOnlyList<JsonElement> machineConfigs)
    {
        string? active = null;
        string? persistent = null;
        foreach (var config in machineConfigs)
        {
            if (!config.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object || !config.TryGetProperty("spec", out var spec))
            {
                continue;
            }

            switch (Text(metadata, "id"))
            {
                case ActiveConfigId:
                    active = spec.GetRawText();
                    break;
                case PersistentConfigId:
                    persistent = spec.GetRawText();
                    break;
            }
        }

        return active is null || persistent is null ? null : !string.Equals(active, persistent, StringComparison.Ordinal);
    }

    /// <summary>Image Factory's virtual extension holding the schematic ID (image-factory pkg/constants).</summary>
    public const string SchematicExtensionName = "schematic";

    public const string ActiveConfigId = "v1alpha1";

    public const string PersistentConfigId = "persistent";

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
