using System.Globalization;

namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// A server block address such as <c>example.org:53</c>, <c>dns://.:53</c> or <c>tls://example.org</c>,
/// normalised as CoreDNS compares them: transport, zone lower-cased and fully qualified, port defaulted.
/// </summary>
public sealed record CorefileAddress(string Transport, string Zone, int Port)
{
    public const string Expected = "a zone with an optional port, e.g. example.org:53 or tls://example.org:853";

    /// <summary>CoreDNS's transports and their default ports (plugin/pkg/transport).</summary>
    private static readonly IReadOnlyDictionary<string, int> DefaultPorts = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["dns"] = 53,
        ["tls"] = 853,
        ["quic"] = 853,
        ["grpc"] = 443,
        ["https"] = 443,
        ["https3"] = 443,
    };

    public static bool TryParse(string key, out CorefileAddress address)
    {
        address = new CorefileAddress(string.Empty, string.Empty, 0);
        var transport = "dns";
        var rest = key;
        var scheme = key.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            transport = key[..scheme].ToLowerInvariant();
            rest = key[(scheme + 3)..];
        }

        if (!DefaultPorts.TryGetValue(transport, out var port))
        {
            return false;
        }

        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return false;
            }

            rest = rest[..colon];
        }

        // Names, '.', wildcards and reverse CIDRs (10.0.0.0/24); IPv6 zones are not accepted here.
        if (rest.Length == 0 || !rest.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '*'))
        {
            return false;
        }

        var zone = rest.ToLowerInvariant();
        address = new CorefileAddress(transport, zone.EndsWith('.') ? zone : zone + ".", port);
        return true;
    }

    public override string ToString() => $"{Transport}://{Zone}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
