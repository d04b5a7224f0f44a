using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ040: the Corefile CoreDNS will read parses cleanly, and no block opens and closes on one line
/// (failure 6: <c>health { lameduck 5s }</c> crash-looped CoreDNS until the deploy timed out). The writer
/// only emits the nested form; this reads the rendered text back as a second line of defence.
/// </summary>
public sealed class CorefileBlockFormRule : ISafetyRule
{
    public string Id => "TZ040";

    public string Title => "The CoreDNS Corefile parses: every block opens with '{' ending its line and closes with '}' alone on its line";

    public string Fix => "Write each block on its own lines ('health {', 'lameduck 5s', '}'); fix the line named in tazlab:corednsExtraServerBlocks.";

    public RuleResult Evaluate(PlanContext context)
    {
        var coreDns = context.Rendering.Get<CoreDnsRendering>();
        var messages = new List<string>();
        foreach (var file in coreDns.Files.Where(f => f.Path == CoreDnsRendering.CorefileFile))
        {
            messages.AddRange(Problems(file.Path, file.Content));
        }

        if (coreDns.Manifests is { } manifests)
        {
            var configMap = manifests.ConfigMap.Metadata;
            messages.AddRange(Problems($"ConfigMap {configMap.NamespaceProperty}/{configMap.Name}", manifests.Corefile));
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static IEnumerable<string> Problems(string source, string corefile) =>
        CorefileParser.Parse(corefile).Errors.Select(e => $"{source}: {e.Message}");
}
