using System.Net;

namespace Tazlab.Stacks.Model;

/// <summary>The user-managed CoreDNS that replaces Talos' own and resolves tailnet names via the operator's egress services.</summary>
/// <param name="UserManaged">True: Talos' CoreDNS is disabled and this one is deployed.</param>
/// <param name="ClusterIp">The Service address kubelets hand to pods; must lie in the service CIDR.</param>
/// <param name="ExtraServerBlocks">A Corefile fragment of further server blocks, appended after the platform's own (empty: none).</param>
public sealed record CoreDnsConfig(bool UserManaged, IPAddress ClusterIp, int Replicas, IReadOnlyList<string> Upstreams, string Image, string ExtraServerBlocks);
