using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rendering.CoreDns.Corefile;

/// <summary>The platform's Corefile as a model: the cluster block, the tailnet block, then the user's extra blocks.</summary>
public static class PlatformCorefile
{
    /// <summary>The prometheus plugin's listen port (and the Service's metrics port).</summary>
    public const int MetricsPort = 9153;

    /// <summary>How long a stopping CoreDNS keeps answering (health's lameduck), so clients move away first.</summary>
    public const string Lameduck = "5s";

    public static CorefileDocument Build(RenderInput input)
    {
        var config = input.Config;
        var domain = config.Talos.ClusterDomain;

        var cluster = new CorefileServerBlock(
            [PlatformServerBlocks.ClusterKey],
            [
                new("errors"),
                new CorefileDirective("health").WithBlock(new CorefileDirective("lameduck", Lameduck)),
                new("ready"),
                new CorefileDirective("kubernetes", domain, "in-addr.arpa", "ip6.arpa").WithBlock(
                    new CorefileDirective("pods", "insecure"),
                    new CorefileDirective("fallthrough", "in-addr.arpa", "ip6.arpa"),
                    new CorefileDirective("ttl", "30")),
                new("prometheus", $":{MetricsPort}"),
                new("forward", [".", .. config.CoreDns.Upstreams]),
                new("cache", "30"),
                new("loop"),
                new("reload"),
                new("loadbalance"),
            ]);

        // Forwarded to this CoreDNS's own Service: the rewritten name is a cluster name the block above answers;
        // any other name of the zone is answered NXDOMAIN before it could come back here.
        var tailnet = new CorefileServerBlock(
            [PlatformServerBlocks.TailnetKey(input.Names.Tailnet)],
            [
                new("errors"),
                TailnetRewrite.Directive(input.Names.Tailnet, config.Operator.Namespace, domain),
                TailnetRewrite.Fallback(input.Names.Tailnet),
                new("forward", ".", config.CoreDns.ClusterIp.ToString()),
            ]);

        return new CorefileDocument([cluster, tailnet, .. ExtraServerBlocks(input)]);
    }

    /// <summary>The user's blocks from tazlab:corednsExtraServerBlocks, parsed so the writer normalises them.</summary>
    private static IReadOnlyList<CorefileServerBlock> ExtraServerBlocks(RenderInput input)
    {
        var parsed = CorefileParser.Parse(input.Config.CoreDns.ExtraServerBlocks, PlatformServerBlocks.Keys(input.Names.Tailnet));
        return parsed.IsValid
            ? parsed.Document.ServerBlocks
            : throw new InvalidOperationException($"corednsExtraServerBlocks passed configuration validation but does not parse: {parsed.Errors[0].Message}");
    }
}
