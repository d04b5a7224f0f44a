using System.Globalization;
using System.Text.RegularExpressions;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rendering.CoreDns.Corefile;

/// <summary>
/// The rewrite that resolves tailnet names inside the cluster without the Tailscale nameserver (failure 8):
/// <c>&lt;name&gt;.&lt;tailnet&gt;</c> becomes <c>&lt;name&gt;.&lt;operator namespace&gt;.svc.&lt;cluster domain&gt;</c>,
/// the operator's egress Service, which the kubernetes plugin answers. <c>answer auto</c> maps the answer
/// back to the name asked, because resolvers drop answers whose name differs from the question. The regex is
/// anchored at both ends (CoreDNS matches it anywhere in the fully qualified name): unanchored, <c>a.b.&lt;tailnet&gt;</c>
/// would be answered as <c>b</c>'s Service. Every other name in the tailnet's zone is answered NXDOMAIN
/// (<see cref="Fallback"/>), because the block forwards to this CoreDNS itself and a name nothing rewrote would
/// come straight back to it.
/// </summary>
public static class TailnetRewrite
{
    public const string Plugin = "rewrite";

    public static CorefileDirective Directive(string tailnet, string operatorNamespace, string clusterDomain) => new(
        Plugin,
        "name",
        "regex",
        @"^([a-zA-Z0-9-]+)\." + tailnet.Replace(".", @"\.", StringComparison.Ordinal) + @"\.$",
        $"{{1}}.{operatorNamespace}.svc.{clusterDomain}",
        "answer",
        "auto");

    /// <summary>
    /// NXDOMAIN for every name of the zone the rewrite left alone. CoreDNS runs <c>template</c> after <c>rewrite</c>
    /// (plugin.cfg order) and only for names in its zone, so a rewritten name (now a cluster name) passes on to
    /// <c>forward</c> while any other tailnet name stops here instead of looping back through the forward.
    /// </summary>
    public static CorefileDirective Fallback(string tailnet) =>
        new CorefileDirective("template", "ANY", "ANY", tailnet).WithBlock(new CorefileDirective("rcode", "NXDOMAIN"));

    /// <summary>
    /// What a <c>rewrite [continue|stop] name regex FROM TO …</c> line does to <paramref name="name"/>, as CoreDNS's
    /// plugin/rewrite does it: match FROM against the lower-case, fully qualified name, put the groups into TO's
    /// <c>{n}</c>, qualify the result. Null when the line is not a regex name rewrite or does not match.
    /// </summary>
    public static string? Apply(CorefileDirective rewrite, string name)
    {
        var args = rewrite.Arguments.ToList();
        if (rewrite.Name != Plugin || rewrite.Block.Count > 0)
        {
            return null;
        }

        if (args is ["continue" or "stop", ..])
        {
            args.RemoveAt(0);
        }

        if (args is not ["name", "regex", var from, var to, ..])
        {
            return null;
        }

        var query = Qualify(name.ToLowerInvariant());
        var match = new Regex(from, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Match(query);
        if (!match.Success)
        {
            return null;
        }

        var result = to;
        for (var i = 0; i < match.Groups.Count; i++)
        {
            result = result.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", match.Groups[i].Value, StringComparison.Ordinal);
        }

        return Qualify(result);
    }

    private static string Qualify(string name) => name.EndsWith('.') ? name : name + ".";
}
