using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Planning;

/// <summary>
/// Everything a safety rule may look at: the validated configuration, the derived names, the graph and its
/// analysis, every rendered file (with its typed model), and the plan's options.
/// </summary>
public sealed record PlanContext(
    StackConfig Config,
    PlatformNames Names,
    DependencyGraph Graph,
    GraphAnalysis Analysis,
    PlatformRendering Rendering,
    PlanOptions Options)
{
    /// <summary>
    /// What the next <c>up</c> does to the running cluster (upgrade waves, nodes added and removed), compared with the
    /// plan applied before; null without <c>--previous</c>, or when that plan cannot be read or predates the facts.
    /// </summary>
    public Lifecycle.ClusterChange? ClusterChange { get; init; }

    /// <summary>The Talos facts of <see cref="PlanOptions.PreviousPlanJson"/>, read once; null without it or when it cannot be read.</summary>
    public Rendering.Talos.PreviousTalosPlan? PreviousTalos { get; init; }

    /// <summary>Why <see cref="PlanOptions.PreviousPlanJson"/> could not be read, when it could not.</summary>
    public string? PreviousTalosProblem { get; init; }
}
