using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Operator;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ054: every key of the rendered operator/values.yaml is one the pinned tailscale-operator chart reads. Helm keeps
/// unknown keys without a word (the chart has no values schema), so a key the templates never read is a setting
/// that silently does nothing. Read back from the rendered file, flattened to dotted paths.
/// </summary>
public sealed class OperatorChartValuesRule : ISafetyRule
{
    public string Id => "TZ054";

    public string Title => "Every operator Helm values key is one the pinned tailscale-operator chart reads";

    public string Fix => "Render only keys the chart's templates read at tazlab:operatorChartVersion (a proxy setting the chart does not take belongs in a ProxyClass).";

    public RuleResult Evaluate(PlanContext context)
    {
        var version = context.Config.Operator.ChartVersion;
        if (!OperatorChartValues.Knows(version))
        {
            return RuleResult.Skip(this, $"no record of the keys chart {version} reads (known: {string.Join(", ", OperatorChartValues.KnownVersions)}); check {OperatorRendering.ValuesFile} against its templates by hand");
        }

        var text = context.Rendering.Get<OperatorRendering>().Files.Single(f => f.Path == OperatorRendering.ValuesFile).Content;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var paths = new List<string>();
        Flatten((YamlMappingNode)yaml.Documents[0].RootNode, string.Empty, paths);

        var unread = paths.Where(p => OperatorChartValues.Reads(version, p) != true)
            .Select(p => $"{OperatorRendering.ValuesFile} sets {p}, which no template of tailscale-operator {version} reads")
            .ToList();
        return RuleResult.FailIfAny(this, unread);
    }

    /// <summary>Leaf paths: a scalar, a list, or an empty mapping (<c>oauth: {}</c>) is a value; a mapping with keys is walked.</summary>
    private static void Flatten(YamlMappingNode mapping, string prefix, List<string> paths)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var path = prefix + ((YamlScalarNode)key).Value;
            if (value is YamlMappingNode { Children.Count: > 0 } inner)
            {
                Flatten(inner, path + ".", paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }
}
