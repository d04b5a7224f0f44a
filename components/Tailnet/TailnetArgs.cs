using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;

namespace Tazlab.Components.Tailnet;

/// <summary>What the tailnet component needs: the validated stack and the rendered policy file (never re-derived here).</summary>
public sealed class TailnetArgs
{
    public required StackConfig Config { get; init; }

    /// <summary>The text of tailnet/policy.hujson as the blueprint rendered it; null for a stack that references the policy's owner.</summary>
    public string? PolicyHuJson { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
