using System.Net;
using System.Net.Sockets;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>Address arithmetic the network rules need and <see cref="IPNetwork"/> does not offer.</summary>
internal static class NetworkAddresses
{
    public static IPAddress FirstHost(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--)
        {
        }

        return new IPAddress(bytes);
    }

    public static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    public static IPAddress Broadcast(IPNetwork network)
    {
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            return IPAddress.None;
        }

        var bytes = network.BaseAddress.GetAddressBytes();
        var hostBits = 32 - network.PrefixLength;
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var broadcast = hostBits == 32 ? uint.MaxValue : value | ((1u << hostBits) - 1);
        return new IPAddress([(byte)(broadcast >> 24), (byte)(broadcast >> 16), (byte)(broadcast >> 8), (byte)broadcast]);
    }
}
