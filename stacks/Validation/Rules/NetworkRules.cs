using System.Net;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The node, pod and service networks: no overlap, and node addresses and the gateway inside the node network's host range.</summary>
internal sealed class NetworkRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var t = Config.Talos;
        string[] cidrKeys = [Key("nodeCidr"), Key("podCidr"), Key("serviceCidr")];
        if (cidrKeys.Any(Bag.IsInError))
        {
            return;
        }

        (string Key, IPNetwork Network)[] networks = [(cidrKeys[0], t.NodeNetwork), (cidrKeys[1], t.PodNetwork), (cidrKeys[2], t.ServiceNetwork)];
        for (var a = 0; a < networks.Length; a++)
        {
            for (var b = a + 1; b < networks.Length; b++)
            {
                if (NetworkAddresses.Overlaps(networks[a].Network, networks[b].Network))
                {
                    Bag.Error(networks[b].Key, $"{networks[b].Network} overlaps {networks[a].Key} ({networks[a].Network})", "node, pod and service networks that do not overlap");
                }
            }
        }

        var nodesKey = Key("talosNodes");
        for (var i = 0; i < t.Nodes.Count; i++)
        {
            InsideHostRange(Item(nodesKey, i, "ip"), t.Nodes[i].Ip, t.NodeNetwork, "nodeCidr");
        }

        InsideHostRange(Key("nodeGateway"), t.NodeGateway, t.NodeNetwork, "nodeCidr");
        foreach (var (node, i) in t.Nodes.Select((n, i) => (n, i)).Where(x => x.n.Ip.Equals(t.NodeGateway)))
        {
            Bag.Error(Item(nodesKey, i, "ip"), $"{node.Ip} is the gateway's address", "a node address other than nodeGateway");
        }
    }
}
