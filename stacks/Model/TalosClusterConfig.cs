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
    /// <summary>Workers upgraded at once in a Talos upgrade wave; control-plane nodes always go one at a time.</summary>
    public int UpgradeBatchSize { get; init; } = 1;

    /// <summary><c>tazlab:talosConfigContract</c> as written; null when unset.</summary>
    public string? ConfigContract { get; init; }

    /// <summary>
    /// The machine-configuration contract the role configurations are generated with: a Talos minor (v1.12.0 and
    /// v1.12.3 generate the same documents). Bootstrap-only, so it stays at the cluster's first minor through upgrades
    /// once <see cref="ConfigContract"/> pins it.
    /// </summary>
    public string MachineConfigContract => ConfigContract ?? MinorOf(TalosVersion);

    public IEnumerable<TalosNode> ControlPlane => Nodes.Where(n => n.Role == NodeRole.ControlPlane);

    /// <summary>v1.12.3 → v1.12; text that is not a version is returned as it is (validation reports it).</summary>
    public static string MinorOf(string version)
    {
        var parts = version.TrimStart('v').Split('.', '-', '+');
        return parts.Length >= 2 ? $"v{parts[0]}.{parts[1]}" : version;
    }

    public IEnumerable<TalosNode> Workers => Nodes.Where(n => n.Role == NodeRole.Worker);
}
