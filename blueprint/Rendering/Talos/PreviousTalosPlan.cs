using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// The Talos facts of a plan.json applied before: its stack, <c>renderings.talos.fields</c> and, in plans written since
/// upgrades are planned, <c>renderings.talos.cluster</c> (null in older ones).
/// </summary>
public sealed record PreviousTalosPlan(string? Stack, IReadOnlyList<TalosField> Fields, Lifecycle.ClusterFacts? Cluster)
{
    /// <summary>Reads a plan.json text; anything that is not a plan with Talos fields is a problem to report, never an exception.</summary>
    public static bool TryRead(string planJson, [NotNullWhen(true)] out PreviousTalosPlan? plan, [NotNullWhen(false)] out string? problem)
    {
        plan = null;
        try
        {
            using var document = JsonDocument.Parse(planJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return false;
            }

            var stack = root.TryGetProperty("stack", out var stackElement) && stackElement.ValueKind == JsonValueKind.String ? stackElement.GetString() : null;
            if (!root.TryGetProperty("renderings", out var renderings) || renderings.ValueKind != JsonValueKind.Object
                || !renderings.TryGetProperty("talos", out var talos) || talos.ValueKind != JsonValueKind.Object
                || !talos.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
            {
                problem = "it has no renderings.talos.fields array";
                return false;
            }

            var fields = new List<TalosField>();
            var index = 0;
            foreach (var item in fieldsElement.EnumerateArray())
            {
                var field = ReadField(item);
                if (field is null)
                {
                    problem = $"renderings.talos.fields[{index}] is not {{\"path\", \"class\": \"{TalosField.BootstrapOnlyName}\"|\"{TalosField.LiveSafeName}\", \"value\"}}";
                    return false;
                }

                if (fields.Any(f => f.Path == field.Path))
                {
                    problem = $"renderings.talos.fields lists {field.Path} twice";
                    return false;
                }

                fields.Add(field);
                index++;
            }

            var cluster = Lifecycle.ClusterFacts.Read(talos, out var clusterProblem);
            if (clusterProblem is not null)
            {
                problem = clusterProblem;
                return false;
            }

            plan = new PreviousTalosPlan(stack, fields, cluster);
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"it is not valid JSON ({ex.Message})";
            return false;
        }
    }

    private static TalosField? ReadField(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var path = StringProperty(item, "path");
        var fieldClass = TalosField.ClassFromName(StringProperty(item, "class"));
        var value = StringProperty(item, "value");
        return path is null || fieldClass is null || value is null ? null : new TalosField(path, fieldClass.Value, value);
    }

    private static string? StringProperty(JsonElement item, string name) =>
        item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
