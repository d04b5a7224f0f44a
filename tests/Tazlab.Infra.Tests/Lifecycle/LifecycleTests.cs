using System.Collections.Immutable;
using Pulumi;
using Tazlab.Infra.Tests.Engine;
using Tazlab.Stacks.Configuration;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Lifecycle;

/// <summary>
/// The README's lifecycle table, row by row, where mocks can show it: two runs of the real program (before and after
/// the event) and what the engine's diff would find between their registrations.
/// </summary>
public class LifecycleTests
{
    private static readonly string[] ProdNodes =
    [
        Node("tazlab-cp-1", "controlplane", 801, "192.168.1.81", 8192, 64),
        Node("tazlab-worker-1", "worker", 811, "192.168.1.91"),
        Node("tazlab-worker-2", "worker", 812, "192.168.1.92"),
    ];

    /// <summary>A talosNodes entry as Pulumi.prod.yaml writes it, in the JSON the engine passes.</summary>
    private static string Node(string name, string role, int vmId, string ip, int memory = 16384, int disk = 128) =>
        $$"""{"name": "{{name}}", "role": "{{role}}", "vmId": {{vmId}}, "cores": 4, "memoryMiB": {{memory}}, "diskGiB": {{disk}}, "ip": "{{ip}}", "proxmoxNode": "pve"}""";

    private static string Nodes(IEnumerable<string> nodes) => "[" + string.Join(", ", nodes) + "]";

    private static async Task<RegistrationSnapshot> Prod(Func<StackConfigSource, StackConfigSource>? edit = null, MockChanges? changes = null) =>
        RegistrationSnapshot.Of(await ProgramRun.Of("prod", edit ?? (s => s), changes));

    [Fact]
    public async Task Up_with_no_change_registers_exactly_the_same_inputs()
    {
        var first = await Prod();
        var second = await Prod();

        // Nothing the program registers depends on the time, a random value or the machine it runs on.
        Assert.Equal((Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), Array.Empty<(string, string)>()), ToArrays(first.Compare(second)));
    }

    [Fact]
    public async Task Up_with_no_change_in_dev_registers_exactly_the_same_inputs()
    {
        var first = RegistrationSnapshot.Of(await ProgramRun.Of("dev"));
        var second = RegistrationSnapshot.Of(await ProgramRun.Of("dev"));

        Assert.Empty(first.Compare(second).Changed);
    }

    [Fact]
    public async Task Adding_a_worker_adds_its_key_vm_configuration_and_day_2_commands_and_changes_nothing_else()
    {
        var before = await Prod();
        var after = await Prod(s => ProgramRun.WithJson(s, "tazlab:talosNodes", Nodes([.. ProdNodes, Node("tazlab-worker-3", "worker", 813, "192.168.1.93")])));

        // The new node boots the stack's version: its commands are created, and creating one runs nothing. No other
        // node's command changes (their talosconfig lists no nodes), so none of them runs again.
        var (added, removed, changed) = before.Compare(after);
        Assert.Equal(
            new[]
            {
                (ConfigurationApply, "tazlab-worker-3"), (TailnetKey, "talos-tazlab-worker-3"), (Vm, "tazlab-worker-3"),
                (LocalCommand, "talos-upgrade-tazlab-worker-3"), (LocalCommand, "talos-staged-reboot-tazlab-worker-3"), (LocalCommand, "talos-retire-tazlab-worker-3"),
            }.Order(),
            added);
        Assert.Empty(removed);
        Assert.Empty(changed);
        var run = await ProgramRun.Of("prod", s => ProgramRun.WithJson(s, "tazlab:talosNodes", Nodes([.. ProdNodes, Node("tazlab-worker-3", "worker", 813, "192.168.1.93")])));
        Assert.All(new[] { "talos-upgrade-tazlab-worker-3", "talos-staged-reboot-tazlab-worker-3", "talos-retire-tazlab-worker-3" }, name => Assert.False(run.Mocks.Single(LocalCommand, name).Inputs.ContainsKey("create")));
    }

    [Fact]
    public async Task Granting_a_new_stack_adds_its_policy_role_and_secret_id_and_changes_nothing_else()
    {
        var before = await Prod();
        var after = await Prod(s => ProgramRun.WithJson(s, "tazlab:vaultStackGrants", "[{\"stack\":\"dev\",\"jwtMount\":\"jwt-dev\",\"kvPrefix\":\"tazlab-dev\",\"roles\":[{\"name\":\"grafana-consumer\",\"secrets\":[\"grafana\"]}]},{\"stack\":\"staging\",\"jwtMount\":\"jwt-staging\",\"kvPrefix\":\"tazlab-staging\"}]"));

        var (added, removed, changed) = before.Compare(after);
        Assert.Equal(new[] { (Policy, "tazlab-grant-staging"), (Policy, "tazlab-grant-staging-eso-reader"), ("vault:appRole/authBackendRole:AuthBackendRole", "tazlab-grant-staging"), ("vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId", "tazlab-grant-staging") }.Order(), added);
        Assert.Empty(removed);
        Assert.Empty(changed);
    }

    [Fact]
    public async Task Removing_a_worker_retires_it_before_its_configuration_and_vm_are_deleted_and_changes_nothing_else()
    {
        var run = await ProgramRun.Of("prod");
        var before = RegistrationSnapshot.Of(run);
        var after = await Prod(s => ProgramRun.WithJson(s, "tazlab:talosNodes", Nodes(ProdNodes.Where(n => !n.Contains("tazlab-worker-2", StringComparison.Ordinal)))));

        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Equal(
            new[]
            {
                (ConfigurationApply, "tazlab-worker-2"), (TailnetKey, "talos-tazlab-worker-2"), (Vm, "tazlab-worker-2"),
                (LocalCommand, "talos-upgrade-tazlab-worker-2"), (LocalCommand, "talos-staged-reboot-tazlab-worker-2"), (LocalCommand, "talos-retire-tazlab-worker-2"),
            }.Order(),
            removed);
        Assert.Empty(changed);

        // The engine deletes a resource before what it depends on: the retirement (drain, reset, Node object) runs while
        // the node's configuration and VM still exist, with the address and role it stored.
        var retire = run.Single(LocalCommand, "talos-retire-tazlab-worker-2");
        var dependsOn = await retire.DependsOnAsync();
        Assert.Contains(run.Single(ConfigurationApply, "tazlab-worker-2").Resource, dependsOn);
        Assert.Contains(run.Single(Vm, "tazlab-worker-2").Resource, dependsOn);
        Assert.EndsWith("talos retire-node --stack prod --name tazlab-worker-2 --address 192.168.1.92 --role worker", (string)run.Mocks.Single(LocalCommand, "talos-retire-tazlab-worker-2").Inputs["delete"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tazlab-worker-1", new[] { "auth key", "configuration", "retirement" })]
    [InlineData("tazlab-cp-1", new[] { "auth key", "configuration", "retirement", "bootstrap", "health check" })]
    public async Task Replacing_a_vm_replaces_what_belongs_to_the_machine_with_it(string node, string[] replaced)
    {
        var run = await ProgramRun.Of("prod");
        var names = new Dictionary<Resource, string>(ReferenceEqualityComparer.Instance)
        {
            [run.Single(TailnetKey, $"talos-{node}").Resource] = "auth key",
            [run.Single(ConfigurationApply, node).Resource] = "configuration",
            // Replaced with the VM, the old machine's retirement runs while the node is still in the stack: left alone.
            [run.Single(LocalCommand, $"talos-retire-{node}").Resource] = "retirement",
            [run.Single(Bootstrap, "bootstrap").Resource] = "bootstrap",
            [run.Single(LocalCommand, "cluster-health").Resource] = "health check",
        };

        // replaceWith, followed through: what the engine replaces after `pulumi up --replace <the VM's URN>`.
        var goes = new HashSet<Resource>(ReferenceEqualityComparer.Instance) { run.Single(Vm, node).Resource };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var captured in run.Captured)
            {
                if (!goes.Contains(captured.Resource) && (await captured.ReplaceWithAsync()).Any(goes.Contains))
                {
                    grew = goes.Add(captured.Resource);
                }
            }
        }

        Assert.Equal(replaced.Order(StringComparer.Ordinal), goes.Where(names.ContainsKey).Select(r => names[r]).Order(StringComparer.Ordinal));
        Assert.Equal(replaced.Length + 1, goes.Count);

        // A new health check means a new cluster (a bootstrap again): the Kubernetes provider is identified by it, so it is
        // replaced too, and with it every object, recreated in the new cluster.
        var identifier = (string)run.Mocks.OfType(KubernetesProvider).Single().Inputs["clusterIdentifier"];
        Assert.EndsWith(run.Mocks.Ids[(LocalCommand, "cluster-health")], identifier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_nodes_address_updates_its_vm_configuration_staged_reboot_check_and_retirement_only()
    {
        var before = await Prod();
        var after = await Prod(s => ProgramRun.WithJson(s, "tazlab:talosNodes", Nodes(ProdNodes).Replace("192.168.1.91", "192.168.1.95", StringComparison.Ordinal)));

        // Its upgrade command names the node, not the address, so it does not run. The staged-reboot check follows the
        // new configuration's hash; the retirement only stores the new address (it has no update step).
        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Equal(new[] { (ConfigurationApply, "tazlab-worker-1"), (Vm, "tazlab-worker-1"), (LocalCommand, "talos-staged-reboot-tazlab-worker-1"), (LocalCommand, "talos-retire-tazlab-worker-1") }.Order(), changed);
    }

    [Fact]
    public async Task Renewing_vaults_certificate_changes_only_what_the_tls_command_installs()
    {
        var before = await Prod();
        var after = await Prod(changes: new MockChanges(Outputs: args => args.Type == LocallySignedCert
            ? ImmutableDictionary<string, object>.Empty.Add("certPem", "-----BEGIN CERTIFICATE-----\nVAULT-SERVER-RENEWED\n-----END CERTIFICATE-----\n")
            : null));

        // Never the server's user data: a renewal is an update of one command, which reloads Vault (it stays unsealed).
        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Equal([(RemoteCommand, "vault-tls")], changed);
    }

    [Fact]
    public async Task Changing_the_talos_version_runs_the_upgrade_waves_and_then_the_applies_with_the_new_install_image()
    {
        var before = await Prod();
        var after = await Prod(s => ProgramRun.With(s, "tazlab:talosVersion", new ConfigScalar("v1.12.1")));

        // The waves' update steps (the installer image and version in their command), a new ISO for nodes created later
        // (a new name: the file is replaced, and each VM's CD-ROM follows its new id, in place), each node's install image
        // (applied after the waves, and checked for a staged configuration), the machine secrets' ignored version, and
        // the etcd backup job, whose talosctl image follows the cluster's Talos version.
        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        string[] nodes = ["tazlab-cp-1", "tazlab-worker-1", "tazlab-worker-2"];
        Assert.Equal(
            nodes.SelectMany(n => new[] { (Vm, n), (ConfigurationApply, n), (LocalCommand, $"talos-upgrade-{n}"), (LocalCommand, $"talos-staged-reboot-{n}") })
                .Append((ProxmoxFile, "talos-iso-pve")).Append((MachineSecrets, "machine-secrets")).Append((ConfigGroup, "etcd-backup")).Order(),
            changed);
        Assert.Contains("v1.12.1", (string)after.Inputs[(ProxmoxFile, "talos-iso-pve")], StringComparison.Ordinal);
        var run = await ProgramRun.Of("prod", s => ProgramRun.With(s, "tazlab:talosVersion", new ConfigScalar("v1.12.1")));
        Assert.Contains("talosVersion", run.Single(MachineSecrets, "machine-secrets").Options.IgnoreChanges);
        Assert.EndsWith("--version v1.12.1", (string)run.Mocks.Single(LocalCommand, "talos-upgrade-tazlab-worker-1").Inputs["update"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_kubernetes_version_runs_the_kubernetes_step_then_the_applies_and_upgrades_no_node()
    {
        var before = await Prod();
        var after = await Prod(s => ProgramRun.With(s, "tazlab:kubernetesVersion", new ConfigScalar("v1.35.1")));

        // The node patches carry the Kubernetes images upgrade-k8s sets, so the applies after it keep them.
        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        string[] nodes = ["tazlab-cp-1", "tazlab-worker-1", "tazlab-worker-2"];
        Assert.Equal(
            nodes.SelectMany(n => new[] { (ConfigurationApply, n), (LocalCommand, $"talos-staged-reboot-{n}") }).Append((LocalCommand, "kubernetes-upgrade")).Order(),
            changed);
    }

    [Theory]
    [InlineData("proxmoxve:apiToken", ProxmoxProvider)]
    [InlineData("hcloud:token", null)]
    [InlineData("tailscale-oauth-client-secret", null)]
    public async Task Rotating_a_provider_credential_changes_no_resource_of_the_platform(string key, string? onlyIn)
    {
        var run = await ProgramRun.Of("prod");

        // Provider credentials are provider configuration, never a platform resource's input. The Proxmox token is the
        // explicit provider's; Hetzner's is read by its default provider; Tailscale's come from the environment of the run,
        // for its provider and for the device prune alike.
        var value = $"{ProgramRun.Marker}:{key}";
        var holders = run.Mocks.Registered.Where(r => RegistrationSnapshotText(r).Contains(value, StringComparison.Ordinal)).Select(r => r.Type).Distinct().ToList();
        Assert.Equal(onlyIn is null ? [] : [onlyIn], holders);
    }

    private static string RegistrationSnapshotText(Pulumi.Testing.MockResourceArgs registration) =>
        string.Join('\n', registration.Inputs.Values.Select(v => v is System.Collections.IDictionary d ? string.Join(',', d.Values.Cast<object>()) : v?.ToString()));

    [Fact]
    public async Task Dev_protects_nothing_so_destroy_removes_all_of_it_and_prunes_its_devices()
    {
        var run = await ProgramRun.Of("dev");

        Assert.All(run.Captured, c => Assert.NotEqual(true, c.Options.Protect));
        var prune = run.Mocks.Single(LocalCommand, "prune");
        Assert.EndsWith("tailnet prune --stack dev --older-than 0s --include-online", (string)prune.Inputs["delete"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifting_prods_protection_is_an_update_of_the_protection_only()
    {
        var before = await Prod();
        var lifted = await ProgramRun.Of("prod", s => ProgramRun.With(s, "tazlab:protect", new ConfigScalar("false")));
        var after = RegistrationSnapshot.Of(lifted);

        // The first step of "destroy and recreate prod": up with tazlab:protect false, then destroy.
        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Equal([(Server, "server")], changed);
        Assert.All(lifted.Captured, c => Assert.NotEqual(true, c.Options.Protect));
        Assert.Equal(false, lifted.Mocks.Single(Server, "server").Inputs["deleteProtection"]);
    }

    private static ((string, string)[], (string, string)[], (string, string)[]) ToArrays((IReadOnlyList<(string Type, string Name)> A, IReadOnlyList<(string Type, string Name)> R, IReadOnlyList<(string Type, string Name)> C) diff) =>
        (diff.A.Select(x => (x.Type, x.Name)).ToArray(), diff.R.Select(x => (x.Type, x.Name)).ToArray(), diff.C.Select(x => (x.Type, x.Name)).ToArray());
}
