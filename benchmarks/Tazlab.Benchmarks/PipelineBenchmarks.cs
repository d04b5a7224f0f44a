using BenchmarkDotNet.Attributes;
using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Benchmarks;

/// <summary>
/// The offline pipeline's stages and the whole pipeline in one call, for prod and for an estate ten times larger.
/// The median is shown beside the mean: on a shared machine a few slow iterations (a GC meeting a page-fault storm)
/// move the mean of a millisecond-long render by a third.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PipelineBenchmarks
{
    private StackConfigSource _source = null!;
    private StackConfig _config = null!;
    private PlatformNames _names = null!;

    [Params(Estates.Prod, Estates.TenTimes)]
    public string Estate { get; set; } = Estates.Prod;

    [GlobalSetup]
    public void Setup()
    {
        _source = Estates.Source(Estate, ProjectDirectory.Find());
        var bag = new DiagnosticBag();
        _config = StackLoader.Validate(_source, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        _names = PlatformNames.From(_config);
    }

    [Benchmark(Description = "load and validate")]
    public StackConfig? LoadAndValidate() => StackLoader.Validate(_source, new DiagnosticBag());

    [Benchmark(Description = "graph build and analysis")]
    public GraphAnalysis BuildGraph() => GraphAnalysis.Of(PlatformGraphBuilder.Build(_config, _names, new DiagnosticBag()));

    [Benchmark(Description = "full render")]
    public PlatformRendering Render() => PlatformRenderer.Render(new RenderInput(_config, _names, PlaceholderValues.Instance));

    /// <summary>The three stages in one call (OfflinePipeline): the 10x target (at most twice prod) is about this.</summary>
    [Benchmark(Description = "whole pipeline")]
    public PlatformRendering WholePipeline() => OfflinePipeline.Run(_source);
}
