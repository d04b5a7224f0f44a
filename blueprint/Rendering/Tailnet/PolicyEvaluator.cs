namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// Evaluates the policy model the way Tailscale does for the selectors this platform writes, so a grant that
/// opens a sensitive pair is caught before Tailscale rejects (or, without a test, silently accepts) the write.
/// Grants only add access; a connection is allowed when any grant matches its source, destination and port.
/// A tag stands for the devices that carry it, and those devices are also selected by their other tags.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Tailscale SSH answers on port 22 of a device's tailnet address.</summary>
    public const int SshPort = 22;

    /// <summary>The grants that let <paramref name="source"/> open a TCP connection to <paramref name="target"/>.</summary>
    public static IReadOnlyList<PolicyGrant> GrantsAllowing(TailnetPolicy policy, string source, PolicyTestTarget target, IReadOnlyList<TaggedDevice> devices)
    {
        var sources = Identities(source, devices);
        var hosts = Identities(target.Host, devices);
        return policy.Grants
            .Where(g => Selects(g.Src, sources) && Selects(g.Dst, hosts) && g.Ip.Any(ip => PolicyIpRange.TryParse(ip, out var range) && range.AllowsTcp(target.Port)))
            .ToList();
    }

    /// <summary>The SSH rules that let <paramref name="source"/> open a Tailscale SSH session on <paramref name="host"/>.</summary>
    public static IReadOnlyList<PolicySshRule> SshRulesAllowing(TailnetPolicy policy, string source, string host, IReadOnlyList<TaggedDevice> devices)
    {
        var sources = Identities(source, devices);
        var hosts = Identities(host, devices);
        return policy.SshRules.Where(r => Selects(r.Src, sources) && Selects(r.Dst, hosts)).ToList();
    }

    /// <summary>The name itself and every tag that shares a device with it.</summary>
    public static IReadOnlyList<string> Identities(string name, IReadOnlyList<TaggedDevice> devices) =>
        devices.Where(d => d.Tags.Contains(name, StringComparer.Ordinal)).SelectMany(d => d.Tags).Prepend(name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether any selector covers one of <paramref name="names"/> (tags or users). Groups are not resolved:
    /// the platform's policy defines none, so a group selects no tag or user here.
    /// </summary>
    public static bool Selects(IEnumerable<string> selectors, IReadOnlyList<string> names) => selectors.Any(selector => names.Any(name =>
        selector == name
        || selector == PolicyIpRange.Any
        || (selector == "autogroup:tagged" && name.StartsWith("tag:", StringComparison.Ordinal))
        || (selector == "autogroup:member" && name.Contains('@', StringComparison.Ordinal))));
}
