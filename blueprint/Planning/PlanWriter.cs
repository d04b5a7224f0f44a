using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tazlab.Blueprint.Graph;

namespace Tazlab.Blueprint.Planning;

/// <summary>Writes a plan's files into a folder: graph.mmd, graph.json, plan.json and every rendered platform file.</summary>
public static class PlanWriter
{
    public const string GraphMermaidFile = "graph.mmd";
    public const string GraphJsonFile = "graph.json";
    public const string PlanJsonFile = "plan.json";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Labels hold characters such as '→' and '>': keep them readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every file of the plan, name → content, in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Render(Plan plan) =>
    [
        new(GraphMermaidFile, MermaidWriter.Write(plan.Context.Graph, plan.Context.Analysis)),
        new(GraphJsonFile, Json(json => GraphJsonWriter.Write(json, plan.Context.Graph, plan.Context.Analysis))),
        new(PlanJsonFile, Json(json => PlanJsonWriter.Write(json, plan))),
        .. plan.Context.Rendering.Files.Select(f => new KeyValuePair<string, string>(f.Path, f.Content)),
    ];

    /// <summary>
    /// Renders everything first, then writes: a failure while rendering leaves the folder untouched.
    /// Each file is written to a temporary name and moved into place.
    /// </summary>
    /// <returns>The files written, name → content (so a caller that also prints one renders nothing twice).</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Write(Plan plan, string directory)
    {
        var files = Render(plan);
        var stale = PreviouslyRendered(directory).Except(files.Select(f => f.Key), StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }

        // A file an earlier plan rendered and this one does not (say, a part the stack no longer owns) must not linger.
        foreach (var name in stale)
        {
            File.Delete(Path.Combine(directory, name));
        }

        return files;
    }

    /// <summary>The rendered files the plan.json already in <paramref name="directory"/> lists.</summary>
    private static IEnumerable<string> PreviouslyRendered(string directory)
    {
        var path = Path.Combine(directory, PlanJsonFile);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var previous = JsonDocument.Parse(File.ReadAllText(path));
            return previous.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
                ? files.EnumerateArray().Select(f => f.GetString()).OfType<string>().Where(IsInside).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Only plain relative paths below the folder: a tampered plan.json cannot delete elsewhere.</summary>
    private static bool IsInside(string relative) =>
        !Path.IsPathRooted(relative) && !relative.Split('/', '\\').Contains("..");

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
