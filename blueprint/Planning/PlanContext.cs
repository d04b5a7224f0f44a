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
    PlanOptions Options);
