using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Lifecycle;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Blueprint.Planning;

/// <summary>Turns a validated stack into a <see cref="Plan"/>: names, graph, analysis, safety checks.</summary>
public static class PlanBuilder
{
    /// <summary>Builds the plan; returns null (with errors in <paramref name="diagnostics"/>) when the graph's own configuration is invalid.</summary>
    public static Plan? Build(StackConfig config, IReadOnlyList<Diagnostic> warnings, DiagnosticBag diagnostics, PlanOptions? options = null)
    {
        var names = PlatformNames.From(config);
        var graph = PlatformGraphBuilder.Build(config, names, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var rendering = PlatformRenderer.Render(new RenderInput(config, names, PlaceholderValues.Instance));
        options ??= PlanOptions.None;
        PreviousTalosPlan? previous = null;
        string? problem = null;
        if (options.PreviousPlanJson is { } json)
        {
            _ = PreviousTalosPlan.TryRead(json, out previous, out problem);
        }

        var context = new PlanContext(config, names, graph, GraphAnalysis.Of(graph), rendering, options)
        {
            PreviousTalos = previous,
            PreviousTalosProblem = problem,
            ClusterChange = previous?.Cluster is { } before ? ClusterChange.Between(before, rendering.Get<TalosRendering>().Cluster, config.Talos.UpgradeBatchSize) : null,
        };
        var checks = SafetyRules.All.Select(rule => rule.Evaluate(context)).ToList();
        return new Plan(context, checks, warnings);
    }
}
