using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Benchmarks;

/// <summary>
/// The three stages the 10× target is about, in one call: load and validate, the graph and its analysis, the render.
/// `plan` also runs the safety checks over the result, which this leaves out.
/// </summary>
public static class OfflinePipeline
{
    public static PlatformRendering Run(StackConfigSource source)
    {
        var bag = new DiagnosticBag();
        var config = StackLoader.Validate(source, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        var names = PlatformNames.From(config);
        GraphAnalysis.Of(PlatformGraphBuilder.Build(config, names, bag));
        return PlatformRenderer.Render(new RenderInput(config, names, PlaceholderValues.Instance));
    }
}
