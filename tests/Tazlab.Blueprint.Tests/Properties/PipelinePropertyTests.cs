using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Tests.Properties;

/// <summary>
/// Generated configurations through the whole pipeline: load → validate → graph → render. No input may throw;
/// every valid configuration renders, identically twice, into files that parse back; a graph is acyclic
/// exactly when the bootstrap-order rule passes.
/// </summary>
public class PipelinePropertyTests
{
    /// <summary>At least ten thousand configurations per run (valid ones and mutations of valid ones).</summary>
    private const int Runs = 10_000;

    private static readonly Config Settings = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    [Fact]
    public void Any_configuration_goes_through_the_pipeline_without_an_unhandled_exception()
    {
        Check.One(Settings.WithMaxTest(Runs), Prop.ForAll(Arb.From(ConfigGenerators.Any), (StackConfigSource source) => Pipeline(source)));
    }

    [Fact]
    public void Every_generated_valid_configuration_validates_and_plans()
    {
        Check.One(Settings.WithMaxTest(1_000), Prop.ForAll(Arb.From(ConfigGenerators.Valid), (StackConfigSource source) =>
        {
            var bag = new DiagnosticBag();
            var config = StackLoader.Validate(source, bag);
            Assert.True(config is not null, string.Join("\n", bag.Items));
            Assert.NotNull(PlanBuilder.Build(config, [], bag));
        }));
    }

    [Fact]
    public void Generated_inputs_cover_invalid_valid_and_cyclic_configurations()
    {
        var outcomes = ConfigGenerators.Any.Sample(600).Select(source =>
        {
            var bag = new DiagnosticBag();
            var config = StackLoader.Validate(source, bag);
            var plan = config is null ? null : PlanBuilder.Build(config, [], bag);
            return plan is null ? "invalid" : plan.Context.Analysis.IsAcyclic ? "valid" : "cyclic";
        }).CountBy(o => o).ToDictionary();

        // Each kind of input must be a real share of the runs, or the properties above test little.
        Assert.All(new[] { "invalid", "valid", "cyclic" }, kind => Assert.True(outcomes.GetValueOrDefault(kind) >= 30, $"{kind}: {outcomes.GetValueOrDefault(kind)} of 600"));
    }

    private static void Pipeline(StackConfigSource source)
    {
        var bag = new DiagnosticBag();
        var config = StackLoader.Validate(source, bag);
        Assert.All(bag.Items, d => Assert.DoesNotContain(ConfigGenerators.SecretMarker, d.ToString(), StringComparison.Ordinal));
        if (config is null)
        {
            Assert.True(bag.HasErrors);
            Assert.All(bag.Items, d => Assert.Contains("; expected ", d.Message, StringComparison.Ordinal));
            return;
        }

        var plan = PlanBuilder.Build(config, [], bag);
        if (plan is null)
        {
            Assert.True(bag.HasErrors);
            return;
        }

        var files = PlanWriter.Render(plan);
        Assert.Equal(files, PlanWriter.Render(PlanBuilder.Build(config, [], new DiagnosticBag())!));
        foreach (var (path, content) in files)
        {
            ParsesBack(path, content);
            Assert.DoesNotContain(ConfigGenerators.SecretMarker, content, StringComparison.Ordinal);
        }

        var acyclic = IsAcyclicByRemovingSources(plan.Context.Graph);
        Assert.Equal(acyclic, plan.Context.Analysis.IsAcyclic);
        Assert.Equal(acyclic, plan.Checks.Single(c => c.RuleId == "TZ001").Status == RuleStatus.Pass);
    }

    /// <summary>Every YAML and JSON file (and the JSON body of a HuJSON file) parses.</summary>
    private static void ParsesBack(string path, string content)
    {
        try
        {
            Parse(path, content);
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or JsonException)
        {
            throw new InvalidOperationException($"{path} does not parse back: {ex.Message}\n{content}", ex);
        }
    }

    private static void Parse(string path, string content)
    {
        if (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
        {
            new YamlStream().Load(new StringReader(content));
        }
        else if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            using var _ = JsonDocument.Parse(content);
        }
        else if (path.EndsWith(".hujson", StringComparison.Ordinal))
        {
            using var _ = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
    }

    /// <summary>An independent acyclicity check (Kahn's: a graph is acyclic when removing sources empties it).</summary>
    private static bool IsAcyclicByRemovingSources(DependencyGraph graph)
    {
        var remaining = graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        bool removed;
        do
        {
            var sources = remaining.Where(id => !graph.Edges.Any(e => e.To == id && remaining.Contains(e.From))).ToList();
            removed = sources.Count > 0;
            remaining.ExceptWith(sources);
        }
        while (removed);
        return remaining.Count == 0;
    }
}
