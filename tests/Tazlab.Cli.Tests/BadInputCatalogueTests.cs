using Tazlab.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Cli.Tests;

/// <summary>
/// The bad-input catalogue: every file in BadInput/ is one invalid stack configuration with the exact lines
/// `plan` must print and its exit code. None may print a stack trace or write anything to the output folder.
/// A case starts from a committed stack and either replaces the whole file (<c>file:</c>) or sets and removes keys.
/// </summary>
public class BadInputCatalogueTests
{
    private static readonly string CatalogueFolder = RepoPaths.File("tests/Tazlab.Cli.Tests/BadInput");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CatalogueFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Catalogue_has_at_least_sixty_cases()
    {
        Assert.True(Cases().Count >= 60, $"{Cases().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_its_exact_messages_and_writes_nothing(string caseFile)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(CatalogueFolder, caseFile))));
        var spec = (YamlMappingNode)yaml.Documents[0].RootNode;
        var stack = Scalar(spec, "stack");

        using var project = TempProject.FromRepo();
        if (spec.Children.TryGetValue(new YamlScalarNode("file"), out var file))
        {
            project.WriteStack(stack, ((YamlScalarNode)file).Value!);
        }

        if (spec.Children.TryGetValue(new YamlScalarNode("set"), out var set))
        {
            foreach (var (key, value) in ((YamlMappingNode)set).Children)
            {
                project.Set(stack, ((YamlScalarNode)key).Value!, value);
            }
        }

        if (spec.Children.TryGetValue(new YamlScalarNode("remove"), out var remove))
        {
            foreach (var key in ((YamlSequenceNode)remove).Children)
            {
                project.Remove(stack, ((YamlScalarNode)key).Value!);
            }
        }

        var outDir = project.PathOf("out-catalogue");
        var run = CliRun.Of(project.Directory, "plan", "--stack", stack, "--out", outDir);

        var expected = ((YamlSequenceNode)spec["stderr"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal(expected, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(int.Parse(Scalar(spec, "exitCode"), System.Globalization.CultureInfo.InvariantCulture), run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
