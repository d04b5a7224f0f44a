using Pulumi;
using Tazlab.Cli;
using Tazlab.ClusterApi.Talos;
using Tazlab.Components.Commands;
using Tazlab.Infra.Tests.Engine;
using Tazlab.Stacks.Configuration;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Lifecycle;

/// <summary>
/// The cluster's day-2 commands as the program registers them: the Talos waves in order (control-plane nodes one at
/// a time, then workers in batches), the Kubernetes step after them, the applies after that, the staged-reboot checks
/// node by node, and the retirements; their command lines, what makes each run, and what they keep secret.
/// </summary>
public class DayTwoCommandTests
{
    private const string FiveNodes = """
        [
          {"name": "tazlab-cp-1", "role": "controlplane", "vmId": 801, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.81", "proxmoxNode": "pve"},
          {"name": "tazlab-cp-2", "role": "controlplane", "vmId": 802, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.82", "proxmoxNode": "pve"},
          {"name": "tazlab-cp-3", "role": "controlplane", "vmId": 803, "cores": 4, "memoryMiB": 8192, "diskGiB": 64, "ip": "192.168.1.83", "proxmoxNode": "pve"},
          {"name": "tazlab-worker-1", "role": "worker", "vmId": 811, "cores": 4, "memoryMiB": 16384, "diskGiB": 128, "ip": "192.168.1.91", "proxmoxNode": "pve"},
          {"name": "tazlab-worker-2", "role": "worker", "vmId": 812, "cores": 4, "memoryMiB": 16384, "diskGiB": 128, "ip": "192.168.1.92", "proxmoxNode": "pve"},
          {"name": "tazlab-worker-3", "role": "worker", "vmId": 813, "cores": 4, "memoryMiB": 16384, "diskGiB": 128, "ip": "192.168.1.93", "proxmoxNode": "pve"}
        ]
        """;

    private static Task<ProgramRun> ThreeControlPlanesThreeWorkers(int batchSize) => ProgramRun.Of("prod", s => ProgramRun.With(
        ProgramRun.WithJson(s, "tazlab:talosNodes", FiveNodes),
        "tazlab:talosUpgradeBatchSize",
        new ConfigScalar(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The day-2 commands among what a resource was told to depend on, by name.</summary>
    private static async Task<string[]> CommandsBefore(ProgramRun run, string name, string prefix) =>
        [.. (await run.Single(LocalCommand, name).DependsOnAsync()).Select(r => r.GetResourceName()).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_waves_go_control_plane_nodes_one_at_a_time_then_workers_in_batches_then_kubernetes()
    {
        var run = await ThreeControlPlanesThreeWorkers(batchSize: 2);
        Assert.Null(run.Error);

        Assert.Empty(await CommandsBefore(run, "talos-upgrade-tazlab-cp-1", "talos-upgrade-"));
        Assert.Equal(["talos-upgrade-tazlab-cp-1"], await CommandsBefore(run, "talos-upgrade-tazlab-cp-2", "talos-upgrade-"));
        Assert.Equal(["talos-upgrade-tazlab-cp-2"], await CommandsBefore(run, "talos-upgrade-tazlab-cp-3", "talos-upgrade-"));
        // A batch of two workers goes together, after the last control-plane node; the third waits for both.
        Assert.Equal(["talos-upgrade-tazlab-cp-3"], await CommandsBefore(run, "talos-upgrade-tazlab-worker-1", "talos-upgrade-"));
        Assert.Equal(["talos-upgrade-tazlab-cp-3"], await CommandsBefore(run, "talos-upgrade-tazlab-worker-2", "talos-upgrade-"));
        Assert.Equal(["talos-upgrade-tazlab-worker-1", "talos-upgrade-tazlab-worker-2"], await CommandsBefore(run, "talos-upgrade-tazlab-worker-3", "talos-upgrade-"));
        Assert.Equal(
            ["talos-upgrade-tazlab-cp-1", "talos-upgrade-tazlab-cp-2", "talos-upgrade-tazlab-cp-3", "talos-upgrade-tazlab-worker-1", "talos-upgrade-tazlab-worker-2", "talos-upgrade-tazlab-worker-3"],
            await CommandsBefore(run, "kubernetes-upgrade", "talos-upgrade-"));

        // The order they were registered in is the waves' order too.
        var registered = run.Mocks.Registered.Where(r => r.Type == LocalCommand && r.Name!.StartsWith("talos-upgrade-", StringComparison.Ordinal)).Select(r => r.Name).ToList();
        Assert.Equal(["talos-upgrade-tazlab-cp-1", "talos-upgrade-tazlab-cp-2", "talos-upgrade-tazlab-cp-3", "talos-upgrade-tazlab-worker-1", "talos-upgrade-tazlab-worker-2", "talos-upgrade-tazlab-worker-3"], registered);
    }

    [Fact]
    public async Task Every_configuration_apply_comes_after_the_kubernetes_step_and_may_only_stage_a_change_that_needs_a_reboot()
    {
        var run = await ProgramRun.Of("prod");

        var kubernetes = run.Single(LocalCommand, "kubernetes-upgrade").Resource;
        foreach (var apply in run.OfType(ConfigurationApply))
        {
            Assert.Contains(kubernetes, await apply.DependsOnAsync());
            Assert.Equal("staged_if_needing_reboot", run.Mocks.Single(ConfigurationApply, apply.Name).Inputs["applyMode"]);
        }
    }

    [Fact]
    public async Task The_staged_reboot_checks_go_one_node_at_a_time_each_after_its_own_apply()
    {
        var run = await ThreeControlPlanesThreeWorkers(batchSize: 3);

        string[] order = ["tazlab-cp-1", "tazlab-cp-2", "tazlab-cp-3", "tazlab-worker-1", "tazlab-worker-2", "tazlab-worker-3"];
        for (var i = 0; i < order.Length; i++)
        {
            var name = $"talos-staged-reboot-{order[i]}";
            Assert.Equal(i == 0 ? [] : [$"talos-staged-reboot-{order[i - 1]}"], await CommandsBefore(run, name, "talos-staged-reboot-"));
            Assert.Contains(run.Single(ConfigurationApply, order[i]).Resource, await run.Single(LocalCommand, name).DependsOnAsync());

            // It runs again when the node's configuration (its hash) or the resolved mode changes; the mode shows in the diff.
            var environment = (System.Collections.Immutable.ImmutableDictionary<string, object>)run.Mocks.Single(LocalCommand, name).Inputs["environment"];
            Assert.Matches("^[0-9a-f]{64}$", (string)environment["TAZLAB_MACHINE_CONFIGURATION_HASH"]);
            Assert.Equal("auto", environment["TAZLAB_RESOLVED_APPLY_MODE"]);
        }
    }

    [Fact]
    public async Task The_command_lines_name_the_nodes_and_the_installer_and_create_nothing()
    {
        var run = await ProgramRun.Of("prod");

        var upgrade = run.Mocks.Single(LocalCommand, "talos-upgrade-tazlab-cp-1").Inputs;
        var image = $"factory.talos.dev/nocloud-installer/{run.Mocks.Ids[("talos:imageFactory/schematic:Schematic", "schematic")]}:v1.12.0";
        Assert.Equal(TazlabCli.Command($"talos upgrade-node --stack prod --node tazlab-cp-1 --image {image} --version v1.12.0"), upgrade["update"]);
        Assert.Equal(TazlabCli.Command("talos upgrade-k8s --stack prod --to v1.35.0"), run.Mocks.Single(LocalCommand, "kubernetes-upgrade").Inputs["update"]);
        Assert.Equal(TazlabCli.Command("talos apply-staged --stack prod --node tazlab-worker-1"), run.Mocks.Single(LocalCommand, "talos-staged-reboot-tazlab-worker-1").Inputs["update"]);

        // A trigger would replace the command, and a replaced command runs its create, which does nothing: the installer
        // is in the update step's text, so a new version is an update, which runs it (docs/provider-contracts.md).
        var dayTwo = run.Mocks.OfType(LocalCommand).Where(c => c.Name!.StartsWith("talos-", StringComparison.Ordinal) || c.Name == "kubernetes-upgrade").ToList();
        Assert.Equal(1 + (3 * 3), dayTwo.Count);
        Assert.All(dayTwo, c => Assert.False(c.Inputs.ContainsKey("create"), c.Name));
        Assert.All(dayTwo, c => Assert.False(c.Inputs.ContainsKey("triggers"), c.Name));
    }

    [Fact]
    public async Task Every_tazlab_command_line_the_program_registers_is_one_the_cli_accepts()
    {
        var run = await ThreeControlPlanesThreeWorkers(batchSize: 2);

        var prefix = TazlabCli.Command(string.Empty);
        var lines = run.Mocks.OfType(LocalCommand)
            .SelectMany(c => new[] { "create", "update", "delete" }.Where(c.Inputs.ContainsKey).Select(step => (Name: $"{c.Name}.{step}", Line: (string)c.Inputs[step])))
            .ToList();
        Assert.True(lines.Count >= 20, $"only {lines.Count} command lines");
        foreach (var (name, line) in lines)
        {
            Assert.StartsWith(prefix, line, StringComparison.Ordinal);
            var errors = CliApp.UsageErrors(line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(errors.Count == 0, $"{name}: {line}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public async Task The_talosconfig_the_commands_use_is_secret_and_lists_no_nodes_so_adding_one_runs_none_of_them()
    {
        var run = await ProgramRun.Of("prod");

        foreach (var command in run.OfType(LocalCommand).Where(c => c.Name.StartsWith("talos-", StringComparison.Ordinal) || c.Name == "kubernetes-upgrade"))
        {
            var args = (Pulumi.Command.Local.CommandArgs)command.Args;
            Assert.Contains("stdout", command.Custom.AdditionalSecretOutputs);
            var environment = await Components.Tests.OutputValue.Of<System.Collections.Immutable.ImmutableDictionary<string, string>>(args.Environment!);
            Assert.Contains($"{ProgramRun.Marker}-talosconfig", environment[TalosEnvironment.TalosconfigVariable], StringComparison.Ordinal);
        }

        var talosconfigs = run.Mocks.Calls.Where(c => c.Token == "talos:client/getConfiguration:getConfiguration").ToList();
        Assert.Equal(2, talosconfigs.Count);
        Assert.Single(talosconfigs, c => !c.Args.ContainsKey("nodes") || ((System.Collections.Immutable.ImmutableArray<object>)c.Args["nodes"]).IsEmpty);
    }

    [Fact]
    public async Task The_retirements_run_in_the_project_with_the_kubeconfig_and_are_replaced_with_their_vm()
    {
        var run = await ProgramRun.Of("prod");

        var retire = run.Single(LocalCommand, "talos-retire-tazlab-cp-1");
        Assert.Contains(run.Single(Vm, "tazlab-cp-1").Resource, await retire.ReplaceWithAsync());
        Assert.EndsWith("talos retire-node --stack prod --name tazlab-cp-1 --address 192.168.1.81 --role controlplane", (string)run.Mocks.Single(LocalCommand, "talos-retire-tazlab-cp-1").Inputs["delete"], StringComparison.Ordinal);
        var args = (Pulumi.Command.Local.CommandArgs)retire.Args;
        var environment = await Components.Tests.OutputValue.Of<System.Collections.Immutable.ImmutableDictionary<string, string>>(args.Environment!);
        Assert.Contains($"{ProgramRun.Marker}-kubeconfig", environment["TAZLAB_KUBECONFIG"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_talosctl_up_is_refused_before_anything_is_registered_and_a_preview_warns()
    {
        var environment = ProgramRun.DefaultEnvironment.Where(p => p.Key != TalosEnvironment.TalosctlVariable).ToDictionary(p => p.Key, p => p.Value);
        environment["PATH"] = Path.GetTempPath();

        var up = await ProgramRun.Of("prod", s => s, null, environment);
        var preview = await ProgramRun.Of("prod", s => s, null, environment, preview: true);

        Assert.NotNull(up.Error);
        Assert.Contains("TAZLAB_TALOSCTL: talosctl is not on PATH; pulumi up runs it for the cluster's upgrades, staged reboots and node retirements", up.Error!.ToString(), StringComparison.Ordinal);
        Assert.Empty(up.Mocks.Registered);
        Assert.Null(preview.Error);
        Assert.NotEmpty(preview.Mocks.Registered);
    }
}
