using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Benchmarks;

/// <summary>What `plan` computes before it writes, in one call: load and validate, the graph and its analysis, the render.</summary>
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
