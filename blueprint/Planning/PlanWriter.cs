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
    /// All or nothing: renders everything, writes it into a new folder beside <paramref name="directory"/> (with the
    /// files there that no plan wrote, such as the user's notes), and only then swaps that folder into place. A failure
    /// at any point leaves <paramref name="directory"/> as it was and no half-written folder behind.
    /// </summary>
    /// <returns>The files written, name → content (so a caller that also prints one renders nothing twice).</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Write(Plan plan, string directory) => Write(Render(plan), directory);

    /// <inheritdoc cref="Write(Plan, string)"/>
    internal static IReadOnlyList<KeyValuePair<string, string>> Write(IReadOnlyList<KeyValuePair<string, string>> files, string directory)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{target} has no parent folder to write beside");
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.tazlab-new-{Guid.NewGuid():N}");
        try
        {
            foreach (var (file, content) in files)
            {
                var path = Path.Combine(staging, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            if (Directory.Exists(target))
            {
                KeepForeignFiles(target, staging, files);
            }
        }
        catch
        {
            DeleteQuietly(staging);
            throw;
        }

        Swap(target, staging, parent, name);
        return files;
    }

    /// <summary>Copies into the new folder what the old one holds that no plan wrote (an earlier plan's files go).</summary>
    private static void KeepForeignFiles(string target, string staging, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var ours = new HashSet<string>(PreviouslyRendered(target), StringComparer.Ordinal) { GraphMermaidFile, GraphJsonFile, PlanJsonFile };
        ours.UnionWith(files.Select(f => f.Key));
        foreach (var path in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(target, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!ours.Contains(relative) && !relative.EndsWith(".tmp", StringComparison.Ordinal))
            {
                var copy = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(path, copy);
            }
        }
    }

    /// <summary>Moves the old folder aside, the new one into place (the old one back if that fails), then removes the old.</summary>
    private static void Swap(string target, string staging, string parent, string name)
    {
        if (!Directory.Exists(target))
        {
            MoveOrClean(staging, target);
            return;
        }

        var old = Path.Combine(parent, $".{name}.tazlab-old-{Guid.NewGuid():N}");
        MoveOrClean(target, old, staging);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            DeleteQuietly(staging);
            throw;
        }

        DeleteQuietly(old);
    }

    private static void MoveOrClean(string from, string to, string? alsoClean = null)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch
        {
            DeleteQuietly(alsoClean ?? from);
            throw;
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a leftover hidden folder beside the plan: the plan itself is complete, or untouched.
        }
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
