using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Inputs;
using Pulumiverse.Talos.Cluster;
using Pulumiverse.Talos.ImageFactory;
using Pulumiverse.Talos.Machine;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.ClusterApi.Health;
using Tazlab.Components.Commands;
using Tazlab.Components.Rendering;
using Tazlab.Components.Tailnet;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using LocalCommand = Pulumi.Command.Local.Command;
using LocalCommandArgs = Pulumi.Command.Local.CommandArgs;
using LocalLogging = Pulumi.Command.Local.Logging;
using ProxmoxFile = Pulumi.ProxmoxVE.Download.File;
using ProxmoxFileArgs = Pulumi.ProxmoxVE.Download.FileArgs;
using ProxmoxProvider = Pulumi.ProxmoxVE.Provider;
using ProxmoxProviderArgs = Pulumi.ProxmoxVE.ProviderArgs;
using TalosClientConfiguration = Pulumiverse.Talos.Client.GetConfiguration;
using TalosClientConfigurationArgs = Pulumiverse.Talos.Client.GetConfigurationInvokeArgs;

namespace Tazlab.Components.TalosCluster;

/// <summary>
/// Talos Linux on Proxmox. The API-server settings are baked into each role's machine configuration at
/// bootstrap (<c>GetConfiguration</c> with the rendered role patches) and never patched into a live cluster:
/// every <c>ConfigurationApply</c> ignores later changes to that configuration, and only the per-node patches
/// (live-safe fields) follow the stack. A bootstrap-only change is reported by <c>plan --previous</c> (TZ031)
/// and needs a rebuild. The machine secrets (the cluster PKI) are created once and never replaced.
/// A node's VM, its auth key and its configuration apply live and die together: a replaced VM is a new machine in
/// maintenance mode, so its key (used by the old one) and its configuration are replaced with it (<c>replaceWith</c>),
/// and with a single control-plane node the bootstrap too (a new etcd). The cluster's health is checked once after a
/// bootstrap, by a command, not on every preview.
/// </summary>
public sealed class TalosCluster : ComponentResource
{
    public const string TypeToken = "tazlab:talos:TalosCluster";

    /// <summary>The one input of <c>ConfigurationApply</c> a live cluster must never be sent again: the role configuration with the bootstrap-only fields.</summary>
    public const string BootstrapConfigurationInput = "machineConfigurationInput";

    public TalosCluster(string name, TalosClusterArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var talos = config.Talos;
        var names = args.Names;
        var wiring = args.Wiring;
        var offline = args.Rendering.Get<TalosRendering>();

        // The image: the rendered schematic, then the Image Factory's ISO on each Proxmox host that runs a node.
        var proxmox = new ProxmoxProvider("proxmox", new ProxmoxProviderArgs { Endpoint = talos.ProxmoxEndpoint, ApiToken = args.ProxmoxApiToken }, new CustomResourceOptions { Parent = this });
        var onProxmox = (string node) => new CustomResourceOptions { Parent = this, Provider = proxmox, DependsOn = wiring.DependenciesOf(node) };
        var schematic = wiring.Register("talos-image", new Schematic("schematic", new SchematicArgs { SchematicData = offline.Schematic.Content }, new CustomResourceOptions { Parent = this }));
        var urls = GetUrls.Invoke(new GetUrlsInvokeArgs { SchematicId = schematic.Id, TalosVersion = talos.TalosVersion, Platform = TalosImage.Platform, Architecture = TalosImage.Architecture });
        var isos = talos.Nodes.Select(n => n.ProxmoxNode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToDictionary(
            host => host,
            host => wiring.Register("talos-image", new ProxmoxFile($"talos-iso-{host}", new ProxmoxFileArgs
            {
                NodeName = host,
                ContentType = "iso",
                DatastoreId = ProxmoxDefaults.IsoDatastore,
                Url = urls.Apply(u => u.Urls.Iso),
                FileName = schematic.Id.Apply(id => TalosImage.IsoFileName(config.StackName, id, talos.TalosVersion)),
                Overwrite = false,
            }, onProxmox("talos-image"))),
            StringComparer.Ordinal);

        var vms = talos.Nodes.ToDictionary(node => node.Name, node => wiring.Register("proxmox-vms", Vm(config, node, isos[node.ProxmoxNode], onProxmox("proxmox-vms"))), StringComparer.Ordinal);

        // Each node's own single-use key, replaced with its VM: the old machine used it.
        var keys = talos.Nodes.ToDictionary(
            node => node.Name,
            node =>
            {
                var options = wiring.Options(this, "auth-key:talos");
                options.ReplaceWith.Add(vms[node.Name]);
                return wiring.Register("auth-key:talos", TailnetAuthKeys.Create($"talos-{node.Name}", talos.Tags, config.Tailnet.AuthKeyExpiry, TailscaleDescriptions.AuthKey(config, $"node {node.Name}"), options));
            },
            StringComparer.Ordinal);

        // The cluster PKI: once, pinned to the Talos version's contract, never replaced (a new PKI deadlocks the nodes).
        var secrets = wiring.Register("machine-secrets", new Pulumiverse.Talos.Machine.Secrets("machine-secrets", new SecretsArgs { TalosVersion = talos.TalosVersion }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = wiring.DependenciesOf("machine-secrets"),
            Protect = config.Ownership.Protect,
            IgnoreChanges = { "talosVersion" },
        }));
        var machineSecrets = TalosSecretsMapping.MachineSecrets(secrets.MachineSecrets);
        var endpoint = PlatformNames.ClusterEndpoint(config);
        var roleConfiguration = new Dictionary<NodeRole, Output<string>>
        {
            [NodeRole.ControlPlane] = RoleConfiguration("controlplane", offline.ControlPlanePatch.Content),
            [NodeRole.Worker] = RoleConfiguration("worker", offline.WorkerPatch.Content),
        };

        Output<string> RoleConfiguration(string machineType, string patch) => GetConfiguration.Invoke(new GetConfigurationInvokeArgs
        {
            ClusterName = talos.ClusterName,
            MachineType = machineType,
            ClusterEndpoint = endpoint,
            MachineSecrets = machineSecrets,
            // The contract, not the release: kept at the bootstrap minor through upgrades (ParseContractFromVersion reads "v1.12").
            TalosVersion = talos.MachineConfigContract,
            KubernetesVersion = talos.KubernetesVersion,
            ConfigPatches = { patch },
            Docs = false,
            Examples = false,
        }).Apply(r => r.MachineConfiguration);

        // Per-node patches carry each node's own auth key and Image Factory's installer: rendered with the real values, secret.
        var rendering = ApplyTimeRendering.Render(
            config,
            names,
            new Dictionary<ApplyTimeValue, Output<string>> { [ApplyTimeValue.TalosInstallerImage] = urls.Apply(u => u.Urls.Installer) },
            TalosRenderer.Render,
            talos.Nodes.ToDictionary(n => (ApplyTimeValue.TalosAuthKey, n.Name), n => keys[n.Name].Key));
        var client = TalosSecretsMapping.ForApply(secrets.ClientConfiguration);
        var talosconfig = Output.CreateSecret(TalosClientConfiguration.Invoke(new TalosClientConfigurationArgs
        {
            ClusterName = talos.ClusterName,
            ClientConfiguration = TalosSecretsMapping.ForTalosconfig(secrets.ClientConfiguration),
            Endpoints = talos.ControlPlane.Select(n => n.Ip.ToString()).ToList(),
            Nodes = talos.Nodes.Select(n => n.Ip.ToString()).ToList(),
        }).Apply(r => r.TalosConfig));

        // The day-2 commands' own talosconfig lists no nodes (they name them): a node added or removed then changes
        // none of their inputs, which would run every command again.
        var commandTalosconfig = Output.CreateSecret(TalosClientConfiguration.Invoke(new TalosClientConfigurationArgs
        {
            ClusterName = talos.ClusterName,
            ClientConfiguration = TalosSecretsMapping.ForTalosconfig(secrets.ClientConfiguration),
            Endpoints = talos.ControlPlane.Select(n => n.Ip.ToString()).ToList(),
        }).Apply(r => r.TalosConfig));
        var day2 = new TalosNodeCommands(this, config, wiring, args.ProjectRoot, commandTalosconfig);

        // Upgrades first: the waves, then Kubernetes. The applies come after them, so the node patches (install
        // image, Kubernetes images) then match what talosctl set, and a live node is never sent an older version.
        var kubernetesUpgrade = day2.RegisterUpgrades(urls.Apply(u => u.Urls.Installer));

        var applies = new Dictionary<string, ConfigurationApply>(StringComparer.Ordinal);
        foreach (var node in talos.Nodes)
        {
            applies[node.Name] = wiring.Register("machine-config", new ConfigurationApply(node.Name, new ConfigurationApplyArgs
            {
                ClientConfiguration = client,
                MachineConfigurationInput = roleConfiguration[node.Role],
                Node = node.Ip.ToString(),
                Endpoint = node.Ip.ToString(),
                ConfigPatches = { Output.CreateSecret(rendering.Apply(r => ApplyTimeRendering.File(r, TalosRendering.NodeFile(node.Name)))) },
                // Never a reboot by surprise: a change that needs one is staged (the preview warns, from the provider's
                // dry run on the node) and the staged-reboot commands apply it node by node.
                ApplyMode = StagedIfNeedingReboot,
            }, new CustomResourceOptions
            {
                Parent = this,
                DependsOn = wiring.DependenciesOf("machine-config"),
                IgnoreChanges = { BootstrapConfigurationInput },
                // A new VM boots the ISO in maintenance mode: only a new apply configures it.
                ReplaceWith = { vms[node.Name] },
            }));
        }

        day2.RegisterStagedReboots(applies);

        var first = talos.ControlPlane.First();
        var bootstrapOptions = new CustomResourceOptions { Parent = this, DependsOn = wiring.DependenciesOf("bootstrap", [.. vms.Values]) };
        if (talos.ControlPlane.Count() == 1)
        {
            // The one control-plane node holds etcd: a new VM there is a new cluster, which needs its bootstrap. With
            // more, a replaced node joins the others' etcd, and bootstrapping it again would start a second cluster.
            bootstrapOptions.ReplaceWith.Add(vms[first.Name]);
        }

        var bootstrap = wiring.Register("bootstrap", new Bootstrap("bootstrap", new BootstrapArgs
        {
            ClientConfiguration = client,
            Node = first.Ip.ToString(),
            Endpoint = first.Ip.ToString(),
        }, bootstrapOptions));
        var kubeconfig = wiring.Register("kubeconfig", new Kubeconfig("kubeconfig", new KubeconfigArgs
        {
            ClientConfiguration = TalosSecretsMapping.ForKubeconfig(secrets.ClientConfiguration),
            Node = first.Ip.ToString(),
            Endpoint = first.Ip.ToString(),
        }, wiring.Options(this, "kubeconfig")));

        // Healthy: the API server ready and every node Ready. Checked by a command run when the cluster is bootstrapped
        // (created, or replaced with it), never by an invoke, which would run - and wait - on every preview and up.
        var healthOptions = new CustomResourceOptions
        {
            Parent = this,
            DependsOn = wiring.DependenciesOf("cluster-healthy", [.. applies.Values]),
            AdditionalSecretOutputs = { "stdout", "stderr" },
            ReplaceWith = { bootstrap },
        };
        var health = wiring.Register("cluster-healthy", new LocalCommand("cluster-health", new LocalCommandArgs
        {
            Dir = args.ProjectRoot,
            Create = TazlabCli.Command($"cluster wait-healthy --stack {config.StackName}"),
            Environment = { { ClusterHealthEnvironment.KubeconfigVariable, Output.CreateSecret(kubeconfig.KubeconfigRaw) } },
            AddPreviousOutputInEnv = false,
            Logging = LocalLogging.Stderr,
        }, healthOptions));

        day2.RegisterRetirements(applies, vms, Output.CreateSecret(kubeconfig.KubeconfigRaw));

        HealthCheck = health;
        KubernetesUpgrade = kubernetesUpgrade;
        Kubeconfig = Output.CreateSecret(Output.Tuple(kubeconfig.KubeconfigRaw, health.Stdout).Apply(t => t.Item1));
        Talosconfig = talosconfig;
        ServiceAccountPublicKey = Output.Unsecret(secrets.MachineSecrets.Apply(s => ServiceAccountKey.PublicKeyPem(s.Certs.K8sServiceaccount.Key)));
        KubernetesCaCertificate = Output.Unsecret(secrets.MachineSecrets.Apply(s => ServiceAccountKey.DecodePem(s.Certs.K8s.Cert)));
        ApiServerUrl = Output.Create(names.ApiServerUrl);
        SchematicId = schematic.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["kubeconfig"] = Kubeconfig,
            ["talosconfig"] = Talosconfig,
            ["serviceAccountPublicKey"] = ServiceAccountPublicKey,
            ["kubernetesCaCertificate"] = KubernetesCaCertificate,
            ["apiServerUrl"] = ApiServerUrl,
            ["schematicId"] = SchematicId,
        });
    }

    /// <summary>
    /// The command that waits for the cluster to be healthy: whatever talks to the cluster's API comes after it. It is
    /// replaced with the bootstrap, so its id names the cluster's generation.
    /// </summary>
    public CustomResource HealthCheck { get; }

    /// <summary>The Kubernetes step, after every upgrade wave: the configuration applies follow it.</summary>
    public CustomResource KubernetesUpgrade { get; }

    /// <summary>The Talos provider's apply mode that stages, rather than applies with a reboot, a change that needs one.</summary>
    public const string StagedIfNeedingReboot = "staged_if_needing_reboot";

    /// <summary>Admin kubeconfig of the healthy cluster (secret): available only once the health check passed.</summary>
    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; }

    [Output("talosconfig")]
    public Output<string> Talosconfig { get; }

    /// <summary>The service-account signing key's public half, PEM: Vault's jwt_validation_pubkeys.</summary>
    [Output("serviceAccountPublicKey")]
    public Output<string> ServiceAccountPublicKey { get; }

    /// <summary>The Kubernetes CA, PEM: what Vault trusts the API server with in jwks-url mode.</summary>
    [Output("kubernetesCaCertificate")]
    public Output<string> KubernetesCaCertificate { get; }

    /// <summary>The API server's tailnet URL (through the operator's proxy).</summary>
    [Output("apiServerUrl")]
    public Output<string> ApiServerUrl { get; }

    [Output("schematicId")]
    public Output<string> SchematicId { get; }

    /// <summary>
    /// A node's VM: boots the Image Factory ISO until Talos installs itself on the disk; the cloud-init drive (its own
    /// interface, never the CD-ROM's) gives it its address. Its id is fixed, so a replacement deletes the old VM first.
    /// </summary>
    private static VmLegacy Vm(StackConfig config, TalosNode node, ProxmoxFile iso, CustomResourceOptions options)
    {
        var network = config.Talos.NodeNetwork;
        options.DeleteBeforeReplace = true;
        return new VmLegacy(node.Name, new VmLegacyArgs
        {
            NodeName = node.ProxmoxNode,
            VmId = node.VmId,
            Name = node.Name,
            Tags = ProxmoxTags(config, node),
            Machine = "q35",
            ScsiHardware = "virtio-scsi-single",
            OnBoot = true,
            StopOnDestroy = true,
            // The agent answers only where the schematic has it, and only once Talos runs from disk: the address is
            // known from the configuration, so Proxmox is never asked to wait for the agent to report one.
            Agent = new VmLegacyAgentArgs
            {
                Enabled = config.Talos.Extensions.Contains(QemuGuestAgentExtension, StringComparer.Ordinal),
                WaitForIp = new VmLegacyAgentWaitForIpArgs { Disabled = true },
            },
            Cpu = new VmLegacyCpuArgs { Cores = node.Cores, Type = "host" },
            Memory = new VmLegacyMemoryArgs { Dedicated = node.MemoryMiB },
            Disks =
            {
                new VmLegacyDiskArgs { Interface = ProxmoxDefaults.DiskInterface, DatastoreId = ProxmoxDefaults.DiskDatastore, Size = node.DiskGiB, FileFormat = "raw", Discard = "on", Iothread = true },
            },
            Cdrom = new VmLegacyCdromArgs { FileId = iso.Id, Interface = ProxmoxDefaults.CdromInterface },
            BootOrders = { ProxmoxDefaults.DiskInterface, ProxmoxDefaults.CdromInterface },
            NetworkDevices = { new VmLegacyNetworkDeviceArgs { Bridge = ProxmoxDefaults.Bridge, Model = "virtio" } },
            OperatingSystem = new VmLegacyOperatingSystemArgs { Type = "l26" },
            // Talos' nocloud platform reads its first address from the cloud-init drive (before its own config exists).
            Initialization = new VmLegacyInitializationArgs
            {
                Interface = ProxmoxDefaults.CloudInitInterface,
                DatastoreId = ProxmoxDefaults.DiskDatastore,
                IpConfigs =
                {
                    new VmLegacyInitializationIpConfigArgs
                    {
                        Ipv4 = new VmLegacyInitializationIpConfigIpv4Args { Address = $"{node.Ip}/{network.PrefixLength}", Gateway = config.Talos.NodeGateway.ToString() },
                    },
                },
            },
        }, options);
    }

    /// <summary>The Talos extension that runs the QEMU guest agent.</summary>
    public const string QemuGuestAgentExtension = "siderolabs/qemu-guest-agent";

    /// <summary>Proxmox keeps tags lower-case and sorted, and the provider compares them as written: so they are written that way.</summary>
    public static List<string> ProxmoxTags(StackConfig config, TalosNode node) =>
        new[] { "tazlab", config.StackName.ToLowerInvariant(), node.Role == NodeRole.ControlPlane ? "controlplane" : "worker" }
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
