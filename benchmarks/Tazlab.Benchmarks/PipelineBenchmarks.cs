using BenchmarkDotNet.Attributes;
using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Benchmarks;

/// <summary>The offline pipeline's stages, for prod and for an estate ten times larger.</summary>
[MemoryDiagnoser]
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
}
