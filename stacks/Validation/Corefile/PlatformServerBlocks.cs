namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// The addresses of the server blocks the platform renders itself (the cluster's <c>.:53</c> and the
/// tailnet's zone), kept here so the renderer and the check on user-supplied blocks agree.
/// </summary>
public static class PlatformServerBlocks
{
    public const int DnsPort = 53;

    /// <summary>The root zone: cluster names, reverse lookups and everything forwarded upstream.</summary>
    public static readonly string ClusterKey = $".:{DnsPort}";

    /// <summary>The tailnet's MagicDNS zone, rewritten to the operator's egress services.</summary>
    public static string TailnetKey(string tailnet) => $"{tailnet}:{DnsPort}";

    /// <summary>Both, in the order they are rendered: the addresses a user-supplied block may not serve again.</summary>
    public static IReadOnlyList<string> Keys(string tailnet) => [ClusterKey, TailnetKey(tailnet)];
}
