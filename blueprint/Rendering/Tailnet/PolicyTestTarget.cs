using System.Globalization;

namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>A test target, <c>host:port</c>; the host may itself contain ':' (<c>tag:vault-api:8200</c>).</summary>
public sealed record PolicyTestTarget(string Host, int Port)
{
    public static bool TryParse(string text, out PolicyTestTarget target)
    {
        target = new PolicyTestTarget(string.Empty, 0);
        var colon = text.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        target = new PolicyTestTarget(text[..colon], port);
        return true;
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
