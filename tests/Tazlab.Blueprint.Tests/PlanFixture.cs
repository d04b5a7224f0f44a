using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rules;
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

    /// <summary>
    /// The plan's context with one area's rendering replaced: how a test shows that a rule catches a
    /// rendering the configuration validator would never let through.
    /// </summary>
    public static PlanContext WithArea<T>(this Plan plan, Func<T, T> change)
        where T : IAreaRendering
    {
        var areas = plan.Context.Rendering.Areas.Select(a => a is T area ? change(area) : a).ToList();
        return plan.Context with { Rendering = new PlatformRendering(areas) };
    }

    /// <summary>Evaluates one rule on a context.</summary>
    public static RuleResult Evaluate(this PlanContext context, string ruleId) =>
        SafetyRules.All.Single(r => r.Id == ruleId).Evaluate(context);

    /// <summary>The result of one rule in a plan.</summary>
    public static RuleResult Check(this Plan plan, string ruleId) => plan.Checks.Single(c => c.RuleId == ruleId);

    /// <summary>A rendered file's text.</summary>
    public static string File(this Plan plan, string path) => plan.Context.Rendering.Files.Single(f => f.Path == path).Content;
}
