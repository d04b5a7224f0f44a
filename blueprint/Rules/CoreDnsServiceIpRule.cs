using System.Net;
using System.Net.Sockets;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.CoreDns;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ042: the kube-dns Service's pinned clusterIP is a host address inside the service CIDR. Outside it
/// the API server refuses the Service and pods are handed a resolver nobody answers.
/// </summary>
public sealed class CoreDnsServiceIpRule : ISafetyRule
{
    public string Id => "TZ042";

    public string Title => "The CoreDNS Service's clusterIP is a host address inside the service CIDR";

    public string Fix => "Set tazlab:corednsClusterIp to a host address inside tazlab:serviceCidr (conventionally the tenth, e.g. 10.96.0.10).";

    public RuleResult Evaluate(PlanContext context)
    {
        var manifests = context.Rendering.Get<CoreDnsRendering>().Manifests;
        if (manifests is null)
        {
            return RuleResult.Pass(this);
        }

        var service = $"Service {manifests.Service.Metadata.NamespaceProperty}/{manifests.Service.Metadata.Name}";
        var network = context.Config.Talos.ServiceNetwork;
        var text = manifests.Service.Spec.ClusterIP;
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return RuleResult.Fail(this, [$"{service} pins clusterIP '{text}', which is not an IPv4 address"]);
        }

        if (!network.Contains(address))
        {
            return RuleResult.Fail(this, [$"{service} pins clusterIP {address}, outside the service CIDR {network}"]);
        }

        return address.Equals(network.BaseAddress) || address.Equals(Broadcast(network))
            ? RuleResult.Fail(this, [$"{service} pins clusterIP {address}, which is not a host address of {network}"])
            : RuleResult.Pass(this);
    }

    private static IPAddress Broadcast(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
