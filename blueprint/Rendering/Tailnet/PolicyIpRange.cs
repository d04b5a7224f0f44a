using System.Globalization;

namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// One entry of a grant's <c>ip</c> list in Tailscale's syntax: <c>*</c>, <c>tcp:8200</c>, <c>tcp:80-443</c>,
/// <c>tcp:*</c> or a bare port (any protocol). Parsed so the safety rules can evaluate the policy themselves.
/// </summary>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c>, … or <c>*</c> for any protocol.</param>
public sealed record PolicyIpRange(string Protocol, int FirstPort, int LastPort)
{
    public const string Tcp = "tcp";
    public const string Any = "*";

    /// <summary>Every protocol and every port: what default deny never writes.</summary>
    public bool IsEverything => Protocol == Any && OpensEveryPort;

    public bool OpensEveryPort => FirstPort == 0 && LastPort == 65535;

    /// <summary>Whether this entry lets a TCP connection to <paramref name="port"/> through.</summary>
    public bool AllowsTcp(int port) => (Protocol == Any || Protocol == Tcp) && port >= FirstPort && port <= LastPort;

    /// <summary>The entry for one TCP port, as the renderer writes it: <c>tcp:8200</c>.</summary>
    public static string TcpPort(int port) => $"{Tcp}:{port.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string text, out PolicyIpRange range)
    {
        range = new PolicyIpRange(Any, 0, 0);
        if (text == Any)
        {
            range = new PolicyIpRange(Any, 0, 65535);
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var protocol = colon < 0 ? Any : text[..colon];
        var ports = colon < 0 ? text : text[(colon + 1)..];
        if (protocol.Length == 0 || !TryParsePorts(ports, out var first, out var last))
        {
            return false;
        }

        range = new PolicyIpRange(protocol, first, last);
        return true;
    }

    private static bool TryParsePorts(string text, out int first, out int last)
    {
        first = 0;
        last = 65535;
        if (text == Any)
        {
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var firstText = dash < 0 ? text : text[..dash];
        var lastText = dash < 0 ? text : text[(dash + 1)..];
        return int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first <= last
            && last <= 65535;
    }
}
