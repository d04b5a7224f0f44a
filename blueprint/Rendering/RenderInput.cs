using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering;

/// <summary>What every renderer reads: the validated stack, its derived names, and the apply-time values.</summary>
public sealed record RenderInput(StackConfig Config, PlatformNames Names, IApplyTimeValues Values);
