using Tazlab.Blueprint.Planning;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests;

/// <summary>Plans of the committed stacks, or of a copy changed by the test.</summary>
public static class PlanFixture
{
    public static Plan Of(string stack, Action<TempProject>? change = null, PlanOptions? options = null)
    {
        using var project = TempProject.FromRepo();
        change?.Invoke(project);
        var loaded = StackLoader.Load(project.Directory, stack);
        Assert.Empty(loaded.Errors.Select(e => e.ToString()));
        var diagnostics = new DiagnosticBag();
        var plan = PlanBuilder.Build(loaded.Config!, [.. loaded.Warnings], diagnostics, options);
        Assert.Empty(diagnostics.Items.Select(e => e.ToString()));
        return plan!;
    }

    /// <summary>The result of one rule in a plan.</summary>
    public static Rules.RuleResult Check(this Plan plan, string ruleId) => plan.Checks.Single(c => c.RuleId == ruleId);

    /// <summary>A rendered file's text.</summary>
    public static string File(this Plan plan, string path) => plan.Context.Rendering.Files.Single(f => f.Path == path).Content;
}
