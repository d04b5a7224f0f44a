using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The Talos cluster: names, pinned versions, the Proxmox endpoint, extensions and the node inventory.</summary>
internal sealed class TalosClusterRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    /// <summary>The Image Factory extension that puts each Talos node on the tailnet.</summary>
    public const string TailscaleExtension = "siderolabs/tailscale";

    public override void Check()
    {
        var t = Config.Talos;
        Label("talosClusterName", t.ClusterName);
        Label("apiServerDeviceName", t.ApiServerDeviceName);
        Pinned("talosVersion", t.TalosVersion);
        Pinned("kubernetesVersion", t.KubernetesVersion);
        if (t.ConfigContract is { } contract)
        {
            if (!NameRules.IsMinorVersion(contract))
            {
                Bag.Error(Key("talosConfigContract"), $"'{Show(contract)}' is not a Talos minor version", "the minor the cluster was bootstrapped with, e.g. v1.12");
            }
            else if (NameRules.IsPinnedVersion(t.TalosVersion) && NameRules.MajorMinor(contract).CompareTo(NameRules.MajorMinor(t.TalosVersion)) > 0)
            {
                Bag.Error(Key("talosConfigContract"), $"{contract} is newer than talosVersion {Show(t.TalosVersion)}: the nodes would be sent documents they do not know", $"at most {TalosClusterConfig.MinorOf(t.TalosVersion)}");
            }
        }
        if (!NameRules.IsDnsSubdomain(t.ClusterDomain))
        {
            Bag.Error(Key("clusterDomain"), $"'{Show(t.ClusterDomain)}' is not a domain", NameRules.DnsSubdomainExpected);
        }

        if (!Uri.TryCreate(t.ProxmoxEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            Bag.Error(Key("proxmoxEndpoint"), $"'{Show(t.ProxmoxEndpoint)}' is not an https URL", "the Proxmox API URL, e.g. https://pve.example.internal:8006/");
        }

        for (var i = 0; i < t.Extensions.Count; i++)
        {
            if (t.Extensions[i].Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name] || !NameRules.IsRfc1123Label(owner) || !NameRules.IsRfc1123Label(name))
            {
                Bag.Error($"{Key("talosExtensions")}[{i}]", $"'{Show(t.Extensions[i])}' is not an extension name", "an Image Factory extension such as siderolabs/tailscale");
            }
        }

        // Every node's configuration joins the tailnet through this extension's service (its ExtensionServiceConfig),
        // and the API server is reached by the tailnet name it gives: without it the configuration names a service
        // that does not exist, and the cluster is never on the tailnet.
        if (!t.Extensions.Contains(TailscaleExtension, StringComparer.Ordinal))
        {
            Bag.Error(Key("talosExtensions"), $"lacks {TailscaleExtension}, yet every node joins the tailnet through it (the API server's name {t.ApiServerDeviceName} is its device)", $"a list with {TailscaleExtension}, e.g. [{TailscaleExtension}, siderolabs/qemu-guest-agent]");
        }

        var key = Key("talosNodes");
        for (var i = 0; i < t.Nodes.Count; i++)
        {
            if (!NameRules.IsRfc1123Label(t.Nodes[i].Name))
            {
                Bag.Error(Item(key, i, "name"), $"'{Show(t.Nodes[i].Name)}' is not a hostname", NameRules.Rfc1123LabelExpected);
            }

            if (!NameRules.IsRfc1123Label(t.Nodes[i].ProxmoxNode))
            {
                Bag.Error(Item(key, i, "proxmoxNode"), $"'{Show(t.Nodes[i].ProxmoxNode)}' is not a Proxmox node name", NameRules.Rfc1123LabelExpected);
            }
        }

        Unique(key, t.Nodes.Select(n => n.Name).ToList(), "name");
        Unique(key, t.Nodes.Select(n => n.VmId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), "vmId");
        Unique(key, t.Nodes.Select(n => n.Ip.ToString()).ToList(), "ip");

        var controlPlanes = t.ControlPlane.Count();
        if (controlPlanes == 0 && !Bag.IsInError(key))
        {
            Bag.Error(key, "has no control-plane node", "at least one node with role: controlplane");
        }
        else if (controlPlanes > 0 && controlPlanes % 2 == 0)
        {
            Bag.Warning(key, $"has {controlPlanes} control-plane nodes: etcd keeps quorum no better than with {controlPlanes - 1}", "an odd number of control-plane nodes (1, 3 or 5)");
        }
    }
}
