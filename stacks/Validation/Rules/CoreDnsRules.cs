using System.Net;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The user-managed CoreDNS: its cluster IP, upstreams, pinned image and extra server blocks.</summary>
internal sealed class CoreDnsRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var c = Config.CoreDns;
        // Held back only when the service network itself could not be read; an overlap with another network is a
        // separate problem, and the address can still be checked against it.
        var services = Config.Talos.ServiceNetwork;
        if (!services.BaseAddress.Equals(IPAddress.None))
        {
            InsideHostRange(Key("corednsClusterIp"), c.ClusterIp, services, "serviceCidr");
            // The first address of the service network is the kubernetes Service's (the API server's cluster IP).
            if (!Bag.IsInError(Key("corednsClusterIp")) && c.ClusterIp.Equals(NetworkAddresses.FirstHost(services)))
            {
                Bag.Error(Key("corednsClusterIp"), $"{c.ClusterIp} is the first address of {Key("serviceCidr")} ({services}), which the kubernetes Service takes", $"another host address inside {services}, e.g. the tenth");
            }
        }

        for (var i = 0; i < c.Upstreams.Count; i++)
        {
            var key = $"{Key("corednsUpstreams")}[{i}]";
            _ = Reading.MappingReader.ParseAddress(key, c.Upstreams[i], Bag);
        }

        if (c.Upstreams.Count == 0)
        {
            Bag.Error(Key("corednsUpstreams"), "is empty", "at least one upstream resolver address");
        }

        Image("corednsImage", c.Image);

        // A bad fragment would crash-loop CoreDNS at deploy time (failure 6): report it here, by line.
        var extra = CorefileParser.Parse(c.ExtraServerBlocks, PlatformServerBlocks.Keys(Config.Tailnet.Name));
        if (extra.Errors is [var first, ..])
        {
            // CoreDNS, too, stops at the first problem; the rest often follow from it.
            Bag.Error(Key("corednsExtraServerBlocks"), $"line {first.Line}: {first.Problem}", first.Expected);
        }
    }
}
