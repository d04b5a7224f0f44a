using System.Text.RegularExpressions;
using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Planning;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Repository.Tests;

/// <summary>
/// docs/runbook.md shows each stack's dependency graph as the Mermaid the code draws from the committed stack.
/// A stale diagram fails; <c>UPDATE_GOLDEN=1 scripts/test</c> rewrites it between its markers (then review the diff).
/// </summary>
public class RunbookGraphTests
{
    private const string Runbook = "docs/runbook.md";

    [Theory]
    [InlineData("prod")]
    public void The_runbooks_diagram_is_the_graph_of_the_committed_stack(string stack)
    {
        var path = RepoPaths.File(Runbook);
        var text = File.ReadAllText(path);
        var begin = $"<!-- graph:{stack}:begin -->\n";
        var end = $"<!-- graph:{stack}:end -->";
        var block = new Regex(Regex.Escape(begin) + "(.*?)" + Regex.Escape(end), RegexOptions.Singleline);
        Assert.True(block.IsMatch(text), $"{Runbook} has no {begin.Trim()} … {end} block");

        var expected = "```mermaid\n" + Mermaid(stack) + "```\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            text = block.Replace(text, begin + expected.Replace("$", "$$", StringComparison.Ordinal) + end, 1);
            File.WriteAllText(path, text);
        }

        Assert.True(
            block.Match(text).Groups[1].Value == expected,
            $"The graph in {Runbook} is stale: run UPDATE_GOLDEN=1 scripts/test and review the diff.");
    }

    private static string Mermaid(string stack)
    {
        var loaded = StackLoader.Load(RepoPaths.Root, stack);
        Assert.Empty(loaded.Errors.Select(e => e.ToString()));
        var plan = PlanBuilder.Build(loaded.Config!, [.. loaded.Warnings], new DiagnosticBag())!;
        return MermaidWriter.Write(plan.Context.Graph, plan.Context.Analysis);
    }
}
