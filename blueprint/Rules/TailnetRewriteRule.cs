using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Blueprint.Rendering.CoreDns.Corefile;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ041: the tailnet's zone rewrites a tailnet name to the operator's egress Service, in the operator's
/// namespace. Failure 8: the Tailscale nameserver answered NXDOMAIN; the rewrite takes it out of the path,
/// but only if the target namespace is the one the egress Services live in. Read back from the rendered
/// Corefile by running the rewrite on Vault's FQDN, on a name one label deeper (which an unanchored regex
/// would rewrite to the wrong Service), and by finding the NXDOMAIN answer for the names no rewrite takes
/// (the block forwards to CoreDNS itself, so without it such a name loops).
/// </summary>
public sealed class TailnetRewriteRule : ISafetyRule
{
    public string Id => "TZ041";

    public string Title => "CoreDNS rewrites <name>.<tailnet> to <name>.<operator namespace>.svc.<cluster domain>, the operator's egress Service";

    public string Fix => "Render the Corefile from the configuration (tazlab:operatorNamespace, tazlab:clusterDomain); do not serve the tailnet's zone from tazlab:corednsExtraServerBlocks.";

    public RuleResult Evaluate(PlanContext context)
    {
        var manifests = context.Rendering.Get<CoreDnsRendering>().Manifests;
        if (manifests is null)
        {
            return RuleResult.Pass(this);
        }

        var names = context.Names;
        var zone = PlatformServerBlocks.TailnetKey(names.Tailnet);
        var expected = $"{context.Config.Vault.DeviceName}.{context.Config.Operator.Namespace}.svc.{context.Config.Talos.ClusterDomain}.";
        var key = context.Config.ProjectName + ":operatorNamespace";

        var block = TailnetBlock(CorefileParser.Parse(manifests.Corefile).Document, zone);
        if (block is null)
        {
            return RuleResult.Fail(this, [$"the Corefile has no server block for {zone}, so tailnet names such as {names.VaultFqdn} are not resolved inside the cluster"]);
        }

        var rewritten = block.Plugins.Where(p => p.Name == TailnetRewrite.Plugin).Select(p => TailnetRewrite.Apply(p, names.VaultFqdn)).FirstOrDefault(r => r is not null);
        if (rewritten is null)
        {
            return RuleResult.Fail(this, [$"the {zone} block does not rewrite {names.VaultFqdn}; expected it to become {expected.TrimEnd('.')}"]);
        }

        if (rewritten != expected)
        {
            return RuleResult.Fail(this, [$"the {zone} block rewrites {names.VaultFqdn} to {rewritten.TrimEnd('.')}, but the operator's egress Services are in namespace {context.Config.Operator.Namespace} ({key}); expected {expected.TrimEnd('.')}"]);
        }

        var messages = new List<string>();
        var deeper = "www." + names.VaultFqdn;
        if (block.Plugins.Where(p => p.Name == TailnetRewrite.Plugin).Select(p => TailnetRewrite.Apply(p, deeper)).FirstOrDefault(r => r is not null) is { } wrong)
        {
            messages.Add($"the {zone} block rewrites {deeper} to {wrong.TrimEnd('.')}: its regex is not anchored (expected ^…\\.{names.Tailnet.Replace(".", "\\.", StringComparison.Ordinal)}\\.$, one label before the tailnet)");
        }

        if (!block.Plugins.Any(p => AnswersNxdomain(p, names.Tailnet)))
        {
            messages.Add($"the {zone} block forwards a name no rewrite matches back to CoreDNS itself, which loops; expected a 'template ANY ANY {names.Tailnet}' answering rcode NXDOMAIN");
        }

        return messages.Count == 0 ? RuleResult.Pass(this) : RuleResult.Fail(this, messages);
    }

    /// <summary><c>template ANY ANY [zones]</c> with <c>rcode NXDOMAIN</c>, for every type of query in the tailnet's zone.</summary>
    private static bool AnswersNxdomain(CorefileDirective plugin, string tailnet)
    {
        if (plugin.Name != "template" || plugin.Arguments.Count < 2 || plugin.Arguments[0] is not ("ANY" or "IN") || plugin.Arguments[1] != "ANY")
        {
            return false;
        }

        var zones = plugin.Arguments.Skip(2).ToList();
        var zone = tailnet.TrimEnd('.') + ".";
        var coversZone = zones.Count == 0 || zones.Any(z => z == "." || zone.EndsWith("." + z.TrimEnd('.') + ".", StringComparison.OrdinalIgnoreCase) || string.Equals(zone, z.TrimEnd('.') + ".", StringComparison.OrdinalIgnoreCase));
        return coversZone && plugin.Block.Any(line => line is { Name: "rcode", Arguments: ["NXDOMAIN"] });
    }

    private static CorefileServerBlock? TailnetBlock(CorefileDocument corefile, string zone)
    {
        _ = CorefileAddress.TryParse(zone, out var wanted);
        return corefile.ServerBlocks.FirstOrDefault(b => b.Keys.Any(k => CorefileAddress.TryParse(k, out var address) && address == wanted));
    }
}
