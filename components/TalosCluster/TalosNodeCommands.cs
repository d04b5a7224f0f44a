using Pulumi;
using Pulumiverse.Talos.Machine;
using Tazlab.Blueprint.Lifecycle;
using Tazlab.ClusterApi.Health;
using Tazlab.ClusterApi.Talos;
using Tazlab.Components.Commands;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using LocalCommand = Pulumi.Command.Local.Command;
using LocalCommandArgs = Pulumi.Command.Local.CommandArgs;
using LocalLogging = Pulumi.Command.Local.Logging;
using ProxmoxVm = Pulumi.ProxmoxVE.VmLegacy;

namespace Tazlab.Components.TalosCluster;

/// <summary>
/// The day-2 commands of the cluster's nodes, children of the cluster: the Talos upgrade waves and the Kubernetes
/// step, the reboots that apply a staged configuration, and the retirement of a removed node. Each is a local
/// command whose create does nothing (a new node is created as configured), and whose update (or delete) runs the
/// tazlab CLI's talos command through talosctl. The provider runs an update only on <c>up</c>, never in a preview,
/// when an input changed, and keeps the old inputs when it fails (docs/provider-contracts.md, Command): so a wave
/// that stopped at a node runs that node again on the next <c>up</c>, and the CLI skips what is already done.
/// </summary>
public sealed class TalosNodeCommands(Resource parent, StackConfig config, PlatformWiring wiring, string projectRoot, Output<string> talosconfig)
{
    private TalosClusterConfig Talos => config.Talos;

    /// <summary>
    /// The Talos waves in <see cref="UpgradeOrder"/> (each node after the whole previous wave), then the Kubernetes
    /// step after all of them. Returns the Kubernetes step, which the configuration applies follow.
    /// </summary>
    public LocalCommand RegisterUpgrades(Output<string> installerImage)
    {
        var previousWave = new List<Resource>();
        foreach (var wave in UpgradeOrder.Batches(Talos.Nodes, n => n.Role, Talos.UpgradeBatchSize))
        {
            var thisWave = new List<Resource>();
            foreach (var node in wave)
            {
                thisWave.Add(wiring.Register("talos-upgrade", Command(
                    $"talos-upgrade-{node.Name}",
                    update: installerImage.Apply(image => TazlabCli.Command(UpgradeNodeArguments(config.StackName, node, image, Talos.TalosVersion))),
                    delete: null,
                    [],
                    new CustomResourceOptions { Parent = parent, DependsOn = wiring.DependenciesOf("talos-upgrade", [.. previousWave]) })));
            }

            previousWave = thisWave;
        }

        return wiring.Register("kubernetes-upgrade", Command(
            "kubernetes-upgrade",
            update: Output.Create(TazlabCli.Command(UpgradeKubernetesArguments(config.StackName, Talos.KubernetesVersion))),
            delete: null,
            [],
            // After every wave: the graph puts it after the whole talos-upgrade node.
            new CustomResourceOptions { Parent = parent, DependsOn = wiring.DependenciesOf("kubernetes-upgrade") }));
    }

    /// <summary>
    /// One command per node, in the upgrade order and one node at a time, that reboots the node if its apply staged a
    /// configuration. It runs again whenever the node's configuration (its hash) or the apply's resolved mode changes.
    /// </summary>
    public void RegisterStagedReboots(IReadOnlyDictionary<string, ConfigurationApply> applies)
    {
        Resource? previous = null;
        foreach (var node in UpgradeOrder.Batches(Talos.Nodes, n => n.Role, 1).SelectMany(b => b))
        {
            var apply = applies[node.Name];
            var after = previous is null ? new[] { (Resource)apply } : [apply, previous];
            previous = wiring.Register("staged-reboots", Command(
                $"talos-staged-reboot-{node.Name}",
                update: Output.Create(TazlabCli.Command(ApplyStagedArguments(config.StackName, node))),
                delete: null,
                [(ConfigurationHashVariable, apply.MachineConfigurationHash), (ApplyModeVariable, apply.ResolvedApplyMode)],
                new CustomResourceOptions { Parent = parent, DependsOn = wiring.DependenciesOf("staged-reboots", after) }));
        }
    }

    /// <summary>
    /// One command per node whose delete retires the node before its configuration apply and VM are deleted (it
    /// depends on both, so Pulumi deletes it first). It is replaced with the VM: the old machine's retirement then
    /// runs while the node is still in the stack, which the CLI leaves alone.
    /// </summary>
    public void RegisterRetirements(IReadOnlyDictionary<string, ConfigurationApply> applies, IReadOnlyDictionary<string, ProxmoxVm> vms, Output<string> kubeconfig)
    {
        foreach (var node in Talos.Nodes)
        {
            var options = new CustomResourceOptions { Parent = parent, DependsOn = wiring.DependenciesOf("node-retirement", applies[node.Name], vms[node.Name]) };
            options.ReplaceWith.Add(vms[node.Name]);
            wiring.Register("node-retirement", Command(
                $"talos-retire-{node.Name}",
                update: null,
                delete: TazlabCli.Command(RetireNodeArguments(config.StackName, node)),
                [(ClusterHealthEnvironment.KubeconfigVariable, kubeconfig)],
                options));
        }
    }

    /// <summary>The variable that carries the applied configuration's hash: a change runs the staged-reboot command.</summary>
    public const string ConfigurationHashVariable = "TAZLAB_MACHINE_CONFIGURATION_HASH";

    /// <summary>The variable that carries the mode the provider resolved (auto or staged): shown in the preview's diff.</summary>
    public const string ApplyModeVariable = "TAZLAB_RESOLVED_APPLY_MODE";

    // Nodes by name: the CLI reads their addresses from the stack, so a changed address changes no command.
    public static string UpgradeNodeArguments(string stack, TalosNode node, string image, string version) =>
        $"talos upgrade-node --stack {stack} --node {node.Name} --image {image} --version {version}";

    public static string UpgradeKubernetesArguments(string stack, string version) =>
        $"talos upgrade-k8s --stack {stack} --to {version}";

    public static string ApplyStagedArguments(string stack, TalosNode node) =>
        $"talos apply-staged --stack {stack} --node {node.Name}";

    // A removed node is no longer in the stack: its retirement keeps its address and role itself.
    public static string RetireNodeArguments(string stack, TalosNode node) =>
        $"talos retire-node --stack {stack} --name {node.Name} --address {node.Ip} --role {(node.Role == NodeRole.ControlPlane ? "controlplane" : "worker")}";

    private LocalCommand Command(string name, Input<string>? update, string? delete, IReadOnlyList<(string Name, Output<string> Value)> environment, CustomResourceOptions options)
    {
        // Their output says which node did what, and talosctl's errors may quote the configuration: kept secret.
        options.AdditionalSecretOutputs.Add("stdout");
        options.AdditionalSecretOutputs.Add("stderr");
        var args = new LocalCommandArgs
        {
            Dir = projectRoot,
            Update = update,
            Environment = { { TalosEnvironment.TalosconfigVariable, talosconfig } },
            AddPreviousOutputInEnv = false,
            Logging = LocalLogging.Stderr,
        };
        if (delete is not null)
        {
            args.Delete = delete;
        }

        foreach (var (variable, value) in environment)
        {
            args.Environment.Add(variable, value);
        }

        return new LocalCommand(name, args, options);
    }
}
