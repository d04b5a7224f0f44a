using Tazlab.Blueprint.Rendering.Backup;
using System.Globalization;
using System.Net.Sockets;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using static Tazlab.Blueprint.Rendering.Talos.TalosYaml;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// Renders the Talos machine-configuration patches (Talos v1.12 configuration reference) and the Image Factory
/// schematic. API-server settings are only ever in <c>cluster.apiServer</c>, never in <c>machine.certSANs</c>
/// (that is the Talos API certificate; changing it on a live cluster regenerated the PKI: DOMAIN.md failure 1).
/// </summary>
public static class TalosRenderer
{
    /// <summary>The extension service the siderolabs/tailscale system extension registers (its ExtensionServiceConfig name).</summary>
    public const string TailscaleService = "tailscale";

    // The scalars every node's documents share, made once.
    private static readonly PatchScalar ApiVersion = Scalar("v1alpha1");
    private static readonly PatchScalar HostnameConfigKind = Scalar("HostnameConfig");
    private static readonly PatchScalar AutoOff = Scalar("off");
    private static readonly PatchScalar ExtensionServiceConfigKind = Scalar("ExtensionServiceConfig");
    private static readonly PatchScalar TailscaleServiceName = Scalar(TailscaleService);

    public static TalosRendering Render(RenderInput input)
    {
        var config = input.Config;
        var talos = config.Talos;
        var fields = new TalosFieldRecorder();

        var schematic = ImageFactorySchematic.Render(talos.Extensions);
        var schematicId = ImageFactorySchematic.IdOfRendered(schematic);
        fields.Add("contract.talosVersion", TalosFieldClass.BootstrapOnly, talos.MachineConfigContract);
        fields.Add("schematic.customization.systemExtensions.officialExtensions", TalosFieldClass.LiveSafe, Joined(talos.Extensions));

        var controlPlane = TalosYaml.Write([ControlPlaneDocument(input, fields)]);
        var worker = TalosYaml.Write([WorkerDocument(input)]);
        // Image Factory names the installer per platform (nocloud-installer for these VMs): the provider's lookup says which.
        var installImage = input.Values[ApplyTimeValue.TalosInstallerImage];
        var advertiseTags = $"--advertise-tags={Joined(talos.Tags)}";
        var nodes = talos.Nodes
            .Select(node => new RenderedFile(TalosRendering.NodeFile(node.Name), TalosYaml.Write(NodeDocuments(input, node, installImage, schematicId, advertiseTags, fields))))
            .ToList();

        return new TalosRendering(
            new RenderedFile(TalosRendering.ControlPlaneFile, controlPlane),
            new RenderedFile(TalosRendering.WorkerFile, worker),
            nodes,
            new RenderedFile(TalosRendering.SchematicFile, schematic),
            schematicId,
            fields.Fields,
            Lifecycle.ClusterFacts.From(config, schematicId));
    }

    /// <summary>The API server, the cluster's name and networks, and Talos' CoreDNS switch (control-plane nodes apply the bootstrap manifests).</summary>
    private static PatchMapping ControlPlaneDocument(RenderInput input, TalosFieldRecorder fields)
    {
        var config = input.Config;
        var names = input.Names;
        var certSans = new[] { names.ApiServerFqdn }.Concat(config.Talos.ControlPlane.Select(n => n.Ip.ToString())).ToList();
        // kube-apiserver takes one comma-separated list: only its own audience (PlatformNames.ApiServerAudiences says why).
        var audiences = string.Join(',', names.ApiServerAudiences);

        fields.Add("cluster.clusterName", TalosFieldClass.BootstrapOnly, config.Talos.ClusterName);
        // Not in a patch but in every role configuration: the first control-plane node's address, which every node and the kubeconfig dial.
        fields.Add("cluster.controlPlane.endpoint", TalosFieldClass.BootstrapOnly, PlatformNames.ClusterEndpoint(config));
        AddNetworkFields(config.Talos, fields);
        fields.Add("cluster.apiServer.certSANs", TalosFieldClass.BootstrapOnly, Joined(certSans));
        fields.Add("cluster.apiServer.extraArgs.service-account-issuer", TalosFieldClass.BootstrapOnly, names.ServiceAccountIssuer);
        fields.Add("cluster.apiServer.extraArgs.api-audiences", TalosFieldClass.BootstrapOnly, audiences);
        fields.Add("cluster.apiServer.extraArgs.service-account-jwks-uri", TalosFieldClass.BootstrapOnly, names.JwksUri);
        // Talos never deletes the CoreDNS it already applied, and its kube-dns Service holds the cluster IP the
        // user-managed one needs: switching on a live cluster leaves two resolvers competing for one address.
        fields.Add("cluster.coreDNS.disabled", TalosFieldClass.BootstrapOnly, config.CoreDns.UserManaged ? "true" : "false");
        if (config.CoreDns.UserManaged)
        {
            // Talos could take it live, but it is in the role configuration, which reaches a node only at its first
            // apply: a changed address would move CoreDNS's Service and leave every kubelet on the old one (until
            // live-safe changes reach running nodes, issue 16, it is a rebuild).
            fields.Add("machine.kubelet.clusterDNS", TalosFieldClass.BootstrapOnly, config.CoreDns.ClusterIp.ToString());
        }

        // etcd peers advertise their node-network address, never the Tailscale extension's 100.x one, which sorts first.
        fields.Add("cluster.etcd.advertisedSubnets", TalosFieldClass.BootstrapOnly, config.Talos.NodeNetwork.ToString());
        fields.Add("machine.kubelet.nodeIP.validSubnets", TalosFieldClass.LiveSafe, config.Talos.NodeNetwork.ToString());

        var cluster = ClusterCommon(config.Talos);
        cluster.Add("etcd", Map(("advertisedSubnets", Sequence([config.Talos.NodeNetwork.ToString()]))));
        cluster.Add("apiServer", Map(
            ("certSANs", Sequence(certSans)),
            ("extraArgs", Map(
                ("service-account-issuer", Scalar(names.ServiceAccountIssuer)),
                ("api-audiences", Scalar(audiences)),
                ("service-account-jwks-uri", Scalar(names.JwksUri))))));
        cluster.Add("coreDNS", Map(("disabled", TalosYaml.Boolean(config.CoreDns.UserManaged))));
        return WithMachineKubelet(config, cluster);
    }

    /// <summary>
    /// Workers get the cluster's name and networks (the kubelet derives its DNS address and domain from them), but no
    /// <c>cluster.coreDNS</c>: only control-plane nodes apply Talos' bootstrap manifests, CoreDNS among them.
    /// </summary>
    private static PatchMapping WorkerDocument(RenderInput input) => WithMachineKubelet(input.Config, ClusterCommon(input.Config.Talos));

    private static PatchMapping ClusterCommon(TalosClusterConfig talos) => Map(
        ("clusterName", Scalar(talos.ClusterName)),
        ("network", Map(
            ("dnsDomain", Scalar(talos.ClusterDomain)),
            ("podSubnets", Sequence([talos.PodNetwork.ToString()])),
            ("serviceSubnets", Sequence([talos.ServiceNetwork.ToString()])))));

    private static void AddNetworkFields(TalosClusterConfig talos, TalosFieldRecorder fields)
    {
        fields.Add("cluster.network.dnsDomain", TalosFieldClass.BootstrapOnly, talos.ClusterDomain);
        fields.Add("cluster.network.podSubnets", TalosFieldClass.BootstrapOnly, talos.PodNetwork.ToString());
        fields.Add("cluster.network.serviceSubnets", TalosFieldClass.BootstrapOnly, talos.ServiceNetwork.ToString());
    }

    /// <summary>
    /// Kubelets hand pods the tenth address of the service CIDR unless told otherwise; a user-managed CoreDNS answers
    /// on its configured cluster IP, so every kubelet is pointed at exactly that address. Each kubelet registers its
    /// node-network address: by default it takes the first routed address, and the Tailscale extension's 100.x address
    /// sorts before 192.168.x, which the health checks and the other nodes do not use.
    /// </summary>
    private static PatchMapping WithMachineKubelet(StackConfig config, PatchMapping cluster)
    {
        var kubelet = Map();
        if (config.CoreDns.UserManaged)
        {
            kubelet.Add("clusterDNS", Sequence([config.CoreDns.ClusterIp.ToString()]));
        }

        kubelet.Add("nodeIP", Map(("validSubnets", Sequence([config.Talos.NodeNetwork.ToString()]))));
        var document = Map(("machine", Map(("kubelet", kubelet))));
        document.Add("cluster", cluster);
        return document;
    }

    /// <summary>A node's own patch: its address, install image and Kubernetes images (v1alpha1), its hostname, and the Tailscale extension's configuration.</summary>
    private static IEnumerable<PatchMapping> NodeDocuments(RenderInput input, TalosNode node, string installImage, string schematicId, string advertiseTags, TalosFieldRecorder fields)
    {
        var talos = input.Config.Talos;
        var prefix = $"nodes.{node.Name}.";
        var address = $"{node.Ip}/{talos.NodeNetwork.PrefixLength.ToString(CultureInfo.InvariantCulture)}";
        var defaultRoute = talos.NodeGateway.AddressFamily == AddressFamily.InterNetworkV6 ? "::/0" : "0.0.0.0/0";
        fields.Add(prefix + "machine.network.interfaces", TalosFieldClass.LiveSafe, $"{address} via {talos.NodeGateway}");
        // The image's name comes from Image Factory at apply time; the plan records what it is made from.
        fields.Add(prefix + "machine.install.image", TalosFieldClass.LiveSafe, $"Image Factory {TalosImage.Platform} installer, schematic {schematicId}, Talos {talos.TalosVersion}");

        // Kubernetes' images at the stack's version, as upgrade-k8s leaves them: a later apply keeps them.
        string KubernetesImage(string repository, string path)
        {
            var image = KubernetesImages.At(repository, talos.KubernetesVersion);
            fields.Add(prefix + path, TalosFieldClass.LiveSafe, image);
            return image;
        }

        // machine.network.interfaces is deprecated in v1.12 but still supported; its device selector finds the VM's
        // one NIC without guessing the interface name, which the v1.12 LinkConfig document would require.
        var machine = Map(
            ("network", Map(("interfaces", Sequence([Map(
                ("deviceSelector", Map(("physical", TalosYaml.Boolean(true)))),
                ("dhcp", TalosYaml.Boolean(false)),
                ("addresses", Sequence([address])),
                ("routes", Sequence([Map(("network", Scalar(defaultRoute)), ("gateway", Scalar(talos.NodeGateway.ToString())))])))])))),
            ("install", Map(("image", Scalar(installImage)))),
            ("kubelet", Map(("image", Scalar(KubernetesImage(KubernetesImages.Kubelet, "machine.kubelet.image"))))));
        var v1alpha1 = Map(("machine", machine));
        if (node.Role == NodeRole.ControlPlane)
        {
            if (input.Config.Backup.IsConfigured)
            {
                // The etcd backup job's Talos credential: only its role, only from its namespace. Talos applies a
                // change here without a reboot (siderolabs/talos v1.12.0, v1alpha1_runtime.go CanApplyImmediate).
                var access = $"enabled, roles {EtcdBackupManifests.TalosRole}, namespaces {BackupPaths.Namespace}";
                fields.Add(prefix + "machine.features.kubernetesTalosAPIAccess", TalosFieldClass.LiveSafe, access);
                machine.Add("features", Map(("kubernetesTalosAPIAccess", Map(
                    ("enabled", TalosYaml.Boolean(true)),
                    ("allowedRoles", Sequence([EtcdBackupManifests.TalosRole])),
                    ("allowedKubernetesNamespaces", Sequence([BackupPaths.Namespace]))))));
            }

            // What upgrade-k8s sets on control-plane nodes: the static pods and kube-proxy's manifest.
            v1alpha1.Add("cluster", Map(
                ("apiServer", Map(("image", Scalar(KubernetesImage(KubernetesImages.ApiServer, "cluster.apiServer.image"))))),
                ("controllerManager", Map(("image", Scalar(KubernetesImage(KubernetesImages.ControllerManager, "cluster.controllerManager.image"))))),
                ("scheduler", Map(("image", Scalar(KubernetesImage(KubernetesImages.Scheduler, "cluster.scheduler.image"))))),
                ("proxy", Map(("image", Scalar(KubernetesImage(KubernetesImages.Proxy, "cluster.proxy.image")))))));
        }

        yield return v1alpha1;

        // Not machine.network.hostname: a v1.12 configuration already holds a HostnameConfig (auto: stable) and Talos
        // rejects a static hostname in the v1alpha1 document beside it. auto must be switched off explicitly, as a
        // patch that only sets hostname keeps auto: stable and the pair is invalid.
        fields.Add(prefix + "HostnameConfig.hostname", TalosFieldClass.LiveSafe, node.Name);
        yield return Map(
            ("apiVersion", ApiVersion),
            ("kind", HostnameConfigKind),
            ("auto", AutoOff),
            ("hostname", Scalar(node.Name)));

        yield return TailscaleExtensionConfig(input, node, advertiseTags, prefix, fields);
    }

    /// <summary>
    /// The Tailscale system extension runs containerboot, which reads these variables (siderolabs/extensions
    /// network/tailscale README). DNS acceptance is containerboot's own TS_ACCEPT_DNS: containerboot already passes
    /// <c>--accept-dns=false</c> to <c>tailscale up</c> unless it is set. Each node has its own single-use auth key
    /// (one key joins one device); TS_AUTH_ONCE keeps a restarted node from logging in again with it.
    /// </summary>
    private static PatchMapping TailscaleExtensionConfig(RenderInput input, TalosNode node, string advertiseTags, string prefix, TalosFieldRecorder fields)
    {
        (string Name, string Value, string Fact)[] environment =
        [
            // The fact records the placeholder, never the key: plan.json must not hold a secret even when rendered with real values.
            ("TS_AUTHKEY", input.Values[ApplyTimeValue.TalosAuthKey, node.Name], PlaceholderValues.Instance[ApplyTimeValue.TalosAuthKey]),
            ("TS_HOSTNAME", node.Name, node.Name),
            ("TS_EXTRA_ARGS", advertiseTags, advertiseTags),
            ("TS_ACCEPT_DNS", "true", "true"),
            ("TS_AUTH_ONCE", "true", "true"),
        ];
        foreach (var (name, _, fact) in environment)
        {
            fields.Add($"{prefix}ExtensionServiceConfig.{TailscaleService}.environment.{name}", TalosFieldClass.LiveSafe, fact);
        }

        return Map(
            ("apiVersion", ApiVersion),
            ("kind", ExtensionServiceConfigKind),
            ("name", TailscaleServiceName),
            ("environment", Sequence(environment.Select(e => $"{e.Name}={e.Value}"))));
    }

    private static string Joined(IEnumerable<string> values) => string.Join(',', values);
}
