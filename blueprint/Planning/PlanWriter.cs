using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tazlab.Blueprint.Graph;

namespace Tazlab.Blueprint.Planning;

/// <summary>Writes a plan's files into a folder: graph.mmd, graph.json and plan.json.</summary>
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
    ];

    /// <summary>
    /// Renders everything first, then writes: a failure while rendering leaves the folder untouched.
    /// Each file is written to a temporary name and moved into place.
    /// </summary>
    public static IReadOnlyList<string> Write(Plan plan, string directory)
    {
        var files = Render(plan);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }

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
