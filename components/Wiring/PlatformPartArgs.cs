using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.Wiring;

/// <summary>What every part of the platform is built from: the validated stack, its names, the plan's rendering and the graph's wiring.</summary>
public abstract class PlatformPartArgs
{
    public required StackConfig Config { get; init; }

    public required PlatformNames Names { get; init; }

    /// <summary>The plan's offline rendering (placeholders for apply-time values): names, shapes and every file without a secret.</summary>
    public required PlatformRendering Rendering { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
