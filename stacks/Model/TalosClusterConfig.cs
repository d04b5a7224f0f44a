using System.Net;

namespace Tazlab.Stacks.Model;

/// <summary>The Talos Linux Kubernetes cluster on Proxmox.</summary>
/// <param name="ApiServerDeviceName">Tailnet device name under which the Kubernetes API server is exposed.</param>
/// <param name="Extensions">Talos system extensions baked into the Image Factory schematic.</param>
/// <param name="Tags">Tailnet tags the nodes' Tailscale extension advertises.</param>
public sealed record TalosClusterConfig(
    string ClusterName,
    string TalosVersion,
    string KubernetesVersion,
    string ProxmoxEndpoint,
    IReadOnlyList<TalosNode> Nodes,
    IPNetwork NodeNetwork,
    IPAddress NodeGateway,
    IPNetwork PodNetwork,
    IPNetwork ServiceNetwork,
    string ClusterDomain,
    string ApiServerDeviceName,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<string> Tags)
{
    public IEnumerable<TalosNode> ControlPlane => Nodes.Where(n => n.Role == NodeRole.ControlPlane);

    public IEnumerable<TalosNode> Workers => Nodes.Where(n => n.Role == NodeRole.Worker);
}
