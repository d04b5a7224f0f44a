using Tazlab.ClusterApi.Health;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Contracts.RegisteredInputs;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What siderolabs/terraform-provider-talos v0.11.0 (through Pulumiverse.Talos 0.8.1) and Image Factory do with what the
/// program registers (docs/provider-contracts.md, Talos): an apply never notices a new VM, a bootstrap cannot run twice
/// on one etcd, the installer is per platform, and a data source runs on every preview.
/// </summary>
public class TalosContractTests
{
    private const string ThreeControlPlanes = """
        [
          {"name": "tazlab-cp-1", "role": "controlplane", "vmId": 801, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.81", "proxmoxNode": "pve"},
          {"name": "tazlab-cp-2", "role": "controlplane", "vmId": 802, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.82", "proxmoxNode": "pve"},
          {"name": "tazlab-cp-3", "role": "controlplane", "vmId": 803, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.83", "proxmoxNode": "pve"},
          {"name": "tazlab-worker-1", "role": "worker", "vmId": 811, "cores": 4, "memoryMiB": 16384, "diskGiB": 128, "ip": "192.168.1.91", "proxmoxNode": "pve"}
        ]
        """;

    [Fact]
    public async Task Role_configurations_are_generated_with_the_contract_which_stays_at_the_bootstrap_minor_through_an_upgrade()
    {
        var fresh = await ProgramRun.Of("prod");
        var upgraded = await ProgramRun.Of("prod", source => ProgramRun.With(
            ProgramRun.With(source, "tazlab:talosVersion", new Tazlab.Stacks.Configuration.ConfigScalar("v1.13.0")),
            "tazlab:talosConfigContract",
            new Tazlab.Stacks.Configuration.ConfigScalar("v1.12")));

        // ParseContractFromVersion (machinery config/contract.go) reads "v1.12": the contract, not the release.
        static IEnumerable<object?> Contracts(ProgramRun run) => run.Mocks.Calls.Where(c => c.Token == "talos:machine/getConfiguration:getConfiguration").Select(c => c.Args["talosVersion"]);
        Assert.Equal(["v1.12", "v1.12"], Contracts(fresh));
        Assert.Equal(["v1.12", "v1.12"], Contracts(upgraded));
        Assert.Equal("v1.13.0", Assert.Single(upgraded.Mocks.Calls, c => c.Token == "talos:imageFactory/getUrls:getUrls").Args["talosVersion"]);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public async Task Every_node_joins_with_its_own_auth_key(string stack)
    {
        var run = await ProgramRun.Of(stack);

        var keys = run.Mocks.OfType(ConfigurationApply).ToDictionary(
            apply => apply.Name!,
            apply => Strings(apply.Inputs["configPatches"]).Single().Split('\n').Single(l => l.Contains("TS_AUTHKEY=", StringComparison.Ordinal)).Trim());
        // One single-use key joins one device: shared, it would let only the first node in.
        Assert.Equal(keys.Count, keys.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, pair => Assert.Equal($"- TS_AUTHKEY={ProgramRun.Marker}-tskey-talos-{pair.Key}", pair.Value));
        Assert.All(run.Mocks.OfType(TailnetKey), key => Assert.Equal(false, key.Inputs["reusable"]));
    }

    [Fact]
    public async Task The_install_image_is_the_installer_image_factory_names_for_the_platform()
    {
        var run = await ProgramRun.Of("prod");

        var lookup = Assert.Single(run.Mocks.Calls, c => c.Token == "talos:imageFactory/getUrls:getUrls");
        Assert.Equal("nocloud", lookup.Args["platform"]);
        var schematic = lookup.Args["schematicId"];
        // For the nocloud image Image Factory names a platform installer; the hand-built factory.talos.dev/installer/ is metal's.
        Assert.All(run.Mocks.OfType(ConfigurationApply), apply => Assert.Contains(
            $"image: factory.talos.dev/nocloud-installer/{schematic}:v1.12.0\n",
            Strings(apply.Inputs["configPatches"]).Single(),
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replaced_vm_gets_a_new_auth_key_and_a_new_configuration_apply()
    {
        var run = await ProgramRun.Of("prod");

        foreach (var node in new[] { "tazlab-cp-1", "tazlab-worker-1", "tazlab-worker-2" })
        {
            var vm = run.Single(Vm, node).Resource;
            // Neither resource reads the node: only a replacement with the VM configures the new machine in maintenance mode.
            Assert.Equal([vm], await run.Single(ConfigurationApply, node).ReplaceWithAsync());
            Assert.Equal([vm], await run.Single(TailnetKey, $"talos-{node}").ReplaceWithAsync());
        }
    }

    [Fact]
    public async Task The_bootstrap_is_replaced_with_the_vm_only_where_that_vm_holds_the_only_etcd()
    {
        var single = await ProgramRun.Of("prod");
        var three = await ProgramRun.Of("prod", source => ProgramRun.WithJson(source, "tazlab:talosNodes", ThreeControlPlanes));
        Assert.Null(three.Error);

        Assert.Equal([single.Single(Vm, "tazlab-cp-1").Resource], await single.Single(Bootstrap, "bootstrap").ReplaceWithAsync());
        // With three, a replaced node joins the others' etcd; bootstrapping it would start a second cluster (Talos answers AlreadyExists on a live one).
        Assert.Empty(await three.Single(Bootstrap, "bootstrap").ReplaceWithAsync());
    }

    [Fact]
    public async Task No_health_invoke_runs_and_the_health_command_is_run_again_only_with_the_bootstrap()
    {
        var run = await ProgramRun.Of("prod");

        // A data source runs on every preview once its dependencies exist: with a node down, every preview waited 15 minutes.
        Assert.DoesNotContain(run.Mocks.Calls, c => c.Token == "talos:cluster/getHealth:getHealth");
        var health = run.Single(LocalCommand, "cluster-health");
        Assert.Equal([run.Single(Bootstrap, "bootstrap").Resource], await health.ReplaceWithAsync());
        var dependsOn = await health.DependsOnAsync();
        Assert.Contains(run.Single(Kubeconfig, "kubeconfig").Resource, dependsOn);
        Assert.All(run.OfType(ConfigurationApply), apply => Assert.Contains(apply.Resource, dependsOn));
        var inputs = run.Mocks.Single(LocalCommand, "cluster-health").Inputs;
        Assert.Equal("dotnet run --project cli -- cluster wait-healthy --stack prod", inputs["create"]);
        Assert.Contains(ClusterHealthEnvironment.KubeconfigVariable, Object(inputs["environment"]).Keys);
    }

    [Fact]
    public async Task No_kubernetes_object_is_created_until_the_health_check_passes()
    {
        var run = await ProgramRun.Of("prod", source => source, new MockChanges(Fails: args => args.Name == "cluster-health"));

        Assert.NotNull(run.Error);
        Assert.DoesNotContain(run.Mocks.Registered, r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) || r.Type == KubernetesProvider);
    }

    [Fact]
    public async Task The_schematic_is_the_rendered_one_and_the_kubeconfig_and_bootstrap_dial_the_first_control_plane_node()
    {
        var run = await ProgramRun.Of("prod");

        var rendered = run.Deployment!.Plan.Context.Rendering.Get<Blueprint.Rendering.Talos.TalosRendering>().Schematic.Content;
        Assert.Equal(rendered, Assert.Single(run.Mocks.OfType(Schematic)).Inputs["schematic"]);
        foreach (var resource in new[] { run.Mocks.Single(Kubeconfig, "kubeconfig"), run.Mocks.Single(Bootstrap, "bootstrap") })
        {
            Assert.Equal("192.168.1.81", resource.Inputs["node"]);
            Assert.Equal("192.168.1.81", resource.Inputs["endpoint"]);
        }
    }

    [Fact]
    public async Task Node_patches_are_secret_and_the_machine_secrets_are_never_replaced()
    {
        var run = await ProgramRun.Of("prod");

        foreach (var apply in run.OfType(ConfigurationApply))
        {
            var args = (Pulumiverse.Talos.Machine.ConfigurationApplyArgs)apply.Args;
            // The provider's schema does not mark configPatches secret; the patches carry the node's auth key.
            Assert.True(await Pulumi.Output.IsSecretAsync(Pulumi.Output.All(args.ConfigPatches)));
        }

        var secrets = run.Single(MachineSecrets, "machine-secrets");
        Assert.True(secrets.Options.Protect);
        Assert.Contains("talosVersion", secrets.Options.IgnoreChanges);
    }
}
