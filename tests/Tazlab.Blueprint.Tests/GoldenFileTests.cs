using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests;

/// <summary>
/// Every file rendered for prod equals its reviewed golden copy under tests/Tazlab.Blueprint.Tests/Golden/prod/.
/// After an intended change, regenerate with <c>UPDATE_GOLDEN=1 scripts/test</c>, then review the diff by hand.
/// </summary>
public class GoldenFileTests
{
    private static readonly string GoldenRoot = RepoPaths.File("tests/Tazlab.Blueprint.Tests/Golden/prod");

    /// <summary>One prod plan for every case: rendering it again per file would only repeat the same work.</summary>
    private static readonly Lazy<Planning.Plan> Prod = new(() => PlanFixture.Of("prod"));

    public static TheoryData<string> RenderedPaths()
    {
        var data = new TheoryData<string>();
        foreach (var file in Prod.Value.Context.Rendering.Files)
        {
            data.Add(file.Path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RenderedPaths))]
    public void Rendered_prod_file_matches_its_golden_copy(string path)
    {
        var rendered = Prod.Value.File(path);
        var golden = Path.Combine(GoldenRoot, path);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, rendered);
        }

        Assert.True(File.Exists(golden), $"No golden copy of {path}: run UPDATE_GOLDEN=1 scripts/test and review it.");
        Assert.Equal(File.ReadAllText(golden), rendered);
    }

    [Fact]
    public void Every_golden_copy_is_still_rendered()
    {
        var rendered = Prod.Value.Context.Rendering.Files.Select(f => f.Path).ToHashSet();
        var golden = Directory.EnumerateFiles(GoldenRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GoldenRoot, f).Replace('\\', '/'));

        Assert.All(golden, path => Assert.Contains(path, rendered));
    }
}
