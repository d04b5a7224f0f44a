using System.Text.RegularExpressions;
using Tazlab.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Repository.Tests;

/// <summary>One GitHub Actions workflow file, parsed with YamlDotNet, with the few look-ups the tests need.</summary>
public sealed partial class Workflow
{
    private Workflow(string name, string text, YamlMappingNode root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    public const string Folder = ".github/workflows";

    public string Name { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Jobs => (YamlMappingNode)Root["jobs"];

    /// <summary>The 'on' mapping (YamlDotNet reads the key as the string "on", not a boolean).</summary>
    public YamlMappingNode Triggers => (YamlMappingNode)Root["on"];

    public static IReadOnlyList<Workflow> All() =>
        Directory.EnumerateFiles(RepoPaths.File(Folder), "*.y*ml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public static Workflow Named(string fileName) => Load(RepoPaths.File(Path.Combine(Folder, fileName)));

    public YamlMappingNode Job(string id) => (YamlMappingNode)Jobs[id];

    public static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>() : [];

    public static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode? With(YamlMappingNode step) =>
        step.Children.TryGetValue("with", out var with) ? (YamlMappingNode)with : null;

    /// <summary>The action a step uses without its version ("pulumi/actions"), or null for a run step.</summary>
    public static string? Action(YamlMappingNode step) => Scalar(step, "uses")?.Split('@')[0];

    /// <summary>The jobs a job waits for: <c>needs</c> as one name or a list of names.</summary>
    public static IReadOnlyList<string> Needs(YamlMappingNode job) =>
        !job.Children.TryGetValue("needs", out var needs) ? []
        : needs is YamlSequenceNode list ? list.Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
        : [((YamlScalarNode)needs).Value!];

    /// <summary>A step that runs the Pulumi CLI on a stack: the Pulumi action with a command (without one it only installs the CLI).</summary>
    public static bool RunsPulumi(YamlMappingNode step) =>
        Action(step) == "pulumi/actions" && With(step) is { } with && Scalar(with, "command") is not null;

    /// <summary>The jobs with a step that runs the Pulumi CLI on a stack, by id.</summary>
    public IEnumerable<(string Id, YamlMappingNode Job)> PulumiJobs() =>
        Jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)).Where(j => Steps(j.Item2).Any(RunsPulumi));

    /// <summary>Every step of every job, with its job's id.</summary>
    public IEnumerable<(string Job, YamlMappingNode Step)> AllSteps() =>
        Jobs.Children.SelectMany(j => Steps((YamlMappingNode)j.Value).Select(s => (((YamlScalarNode)j.Key).Value!, s)));

    /// <summary>Every secret the file names as <c>${{ secrets.NAME }}</c>.</summary>
    public IReadOnlySet<string> Secrets() => SecretReference().Matches(Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static Workflow Load(string path)
    {
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return new Workflow(Path.GetFileName(path), text, (YamlMappingNode)yaml.Documents[0].RootNode);
    }

    [GeneratedRegex(@"\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex SecretReference();
}
