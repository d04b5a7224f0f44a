using System.Text.Json;
using System.Text.Json.Nodes;
using Tazlab.Blueprint.Lifecycle;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Blueprint.Rules;
using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests.Lifecycle;

/// <summary>Upgrades and node changes compared with the plan applied before: the waves, their order, and the rules.</summary>
public class UpgradeWaveTests
{
    private static readonly string[] ThreeByThree = ["cp-1:controlplane", "cp-2:controlplane", "cp-3:controlplane", "worker-1:worker", "worker-2:worker", "worker-3:worker"];

    [Fact]
    public void A_patch_upgrade_goes_control_plane_nodes_one_at_a_time_then_workers()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var plan = Plan(ThreeByThree, "v1.12.1", "v1.35.0", previous);

        var change = plan.Context.ClusterChange!;
        Assert.Equal(
            [["cp-1"], ["cp-2"], ["cp-3"], ["worker-1"], ["worker-2"], ["worker-3"]],
            change.Waves.Select(w => w.Nodes.ToArray()).ToArray());
        Assert.All(change.Waves, w => Assert.Equal(UpgradeKind.TalosOs, w.Kind));
        Assert.Equal([1, 2, 3, 4, 5, 6], change.Waves.Select(w => w.Number));
        Assert.StartsWith("v1.12.0 (schematic ", change.Waves[0].From, StringComparison.Ordinal);
        Assert.StartsWith("v1.12.1 (schematic ", change.Waves[0].To, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(36), change.Estimate);
        Assert.All(new[] { "TZ031", "TZ034", "TZ035", "TZ036", "TZ037", "TZ038" }, id => Assert.Equal(RuleStatus.Pass, plan.Check(id).Status));
    }

    [Fact]
    public void Workers_go_in_batches_of_talos_upgrade_batch_size()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var plan = Plan(ThreeByThree, "v1.12.1", "v1.35.0", previous, p => p.Set("prod", "tazlab:talosUpgradeBatchSize", "2"));

        Assert.Equal(
            [["cp-1"], ["cp-2"], ["cp-3"], ["worker-1", "worker-2"], ["worker-3"]],
            plan.Context.ClusterChange!.Waves.Select(w => w.Nodes.ToArray()).ToArray());
    }

    [Fact]
    public void A_new_schematic_at_the_same_version_is_an_upgrade_too()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var plan = Plan(ThreeByThree, "v1.12.0", "v1.35.0", previous, p => p.Set("prod", "tazlab:talosExtensions", "[siderolabs/tailscale]"));

        Assert.Equal(6, plan.Context.ClusterChange!.Waves.Count);
        Assert.NotEqual(plan.Context.ClusterChange.Waves[0].From, plan.Context.ClusterChange.Waves[0].To);
    }

    [Fact]
    public void Kubernetes_is_upgraded_once_after_the_talos_waves()
    {
        var previous = Previous(ThreeByThree, "v1.12.3", "v1.35.0");

        var plan = Plan(ThreeByThree, "v1.13.0", "v1.36.0", previous, p => p.Set("prod", "tazlab:talosConfigContract", "v1.12"));

        var waves = plan.Context.ClusterChange!.Waves;
        Assert.Equal(7, waves.Count);
        var last = waves[^1];
        Assert.Equal(UpgradeKind.Kubernetes, last.Kind);
        Assert.Equal(["cp-1"], last.Nodes);
        Assert.Equal(("v1.35.0", "v1.36.0"), (last.From, last.To));
        Assert.All(waves.SkipLast(1), w => Assert.Equal(UpgradeKind.TalosOs, w.Kind));
        Assert.All(new[] { "TZ031", "TZ034", "TZ035", "TZ036", "TZ037" }, id => Assert.Equal(RuleStatus.Pass, plan.Check(id).Status));
    }

    [Fact]
    public void A_new_minor_without_the_contract_pinned_names_the_key_that_keeps_it()
    {
        var previous = Previous(ThreeByThree, "v1.12.3", "v1.35.0");

        var plan = Plan(ThreeByThree, "v1.13.0", "v1.35.0", previous);

        Assert.EndsWith("to upgrade Talos in place instead, keep it: tazlab:talosConfigContract: v1.12", Assert.Single(plan.Check("TZ031").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_a_talos_minor_is_refused_with_the_path_to_take()
    {
        var previous = Previous(ThreeByThree, "v1.11.5", "v1.34.0");

        var plan = Plan(ThreeByThree, "v1.13.0", "v1.34.0", previous, p => p.Set("prod", "tazlab:talosConfigContract", "v1.11"));

        var check = plan.Check("TZ034");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            "talosVersion v1.11.5 → v1.13.0 skips 1 minor version; Talos upgrades one minor at a time: v1.11.5 → the latest v1.12.x → v1.13.0, one up each",
            Assert.Single(check.Messages));
    }

    [Fact]
    public void Going_down_is_refused()
    {
        var previous = Previous(ThreeByThree, "v1.12.3", "v1.35.2");

        var plan = Plan(ThreeByThree, "v1.12.1", "v1.35.1", previous);

        Assert.StartsWith("talosVersion v1.12.3 → v1.12.1 goes down;", Assert.Single(plan.Check("TZ034").Messages), StringComparison.Ordinal);
        Assert.StartsWith("kubernetesVersion v1.35.2 → v1.35.1 goes down;", Assert.Single(plan.Check("TZ035").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_a_kubernetes_minor_is_refused()
    {
        var previous = Previous(ThreeByThree, "v1.13.0", "v1.34.0", "v1.13");

        var plan = Plan(ThreeByThree, "v1.13.0", "v1.36.0", previous);

        var check = plan.Check("TZ035");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.StartsWith("kubernetesVersion v1.34.0 → v1.36.0 skips 1 minor version;", Assert.Single(check.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.12.0", "v1.36.0", "kubernetesVersion v1.36.0 does not run on Talos v1.12.0; expected Kubernetes v1.30 to v1.35")]
    [InlineData("v1.12.0", "v1.29.4", "kubernetesVersion v1.29.4 does not run on Talos v1.12.0; expected Kubernetes v1.30 to v1.35")]
    [InlineData("v1.14.0", "v1.36.0", "kubernetesVersion v1.36.0 does not run on Talos v1.14.0; expected no Kubernetes version known (the table covers Talos v1.9 to v1.13)")]
    public void The_kubernetes_version_must_be_one_the_talos_version_runs(string talos, string kubernetes, string message)
    {
        var plan = PlanFixture.Of("prod", p =>
        {
            p.Set("prod", "tazlab:talosVersion", talos);
            p.Set("prod", "tazlab:kubernetesVersion", kubernetes);
        });

        Assert.Equal(message, Assert.Single(plan.Check("TZ036").Messages));
    }

    [Fact]
    public void The_running_kubernetes_must_run_on_the_new_talos_too()
    {
        var previous = Previous(ThreeByThree, "v1.12.3", "v1.30.5");

        var plan = Plan(ThreeByThree, "v1.13.0", "v1.31.0", previous, p => p.Set("prod", "tazlab:talosConfigContract", "v1.12"));

        Assert.StartsWith("the running Kubernetes v1.30.5 does not run on Talos v1.13.0", Assert.Single(plan.Check("TZ036").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void An_upgrade_with_a_bootstrap_only_change_or_a_removal_is_refused()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var withCidr = Plan(ThreeByThree, "v1.12.1", "v1.35.0", previous, p => p.Set("prod", "tazlab:podCidr", "10.245.0.0/16"));
        var withRemoval = Plan(ThreeByThree[..5], "v1.12.1", "v1.35.0", previous);

        Assert.Equal(
            "the upgrade (Talos v1.12.0 → v1.12.1) comes with a change of the bootstrap-only cluster.network.podSubnets; expected the upgrade in an up of its own",
            Assert.Single(withCidr.Check("TZ037").Messages));
        Assert.Equal(
            "the upgrade (Talos v1.12.0 → v1.12.1) comes with removing worker-3; expected the upgrade in an up of its own",
            Assert.Single(withRemoval.Check("TZ037").Messages));
    }

    [Fact]
    public void Nodes_added_are_not_upgraded_and_nodes_removed_are_listed()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var plan = Plan([.. ThreeByThree.Where(n => n != "worker-2:worker"), "worker-4:worker"], "v1.12.0", "v1.35.0", previous);

        var change = plan.Context.ClusterChange!;
        Assert.Empty(change.Waves);
        Assert.Equal(["worker-4"], change.Added.Select(n => n.Name));
        Assert.Equal(["worker-2"], change.Removed.Select(n => n.Name));
    }

    [Fact]
    public void Removing_two_control_plane_nodes_at_once_is_refused_and_one_is_not()
    {
        var previous = Previous(ThreeByThree, "v1.12.0", "v1.35.0");

        var two = Plan(["cp-1:controlplane", "worker-1:worker", "worker-2:worker", "worker-3:worker"], "v1.12.0", "v1.35.0", previous);
        var one = Plan(["cp-1:controlplane", "cp-2:controlplane", "worker-1:worker", "worker-2:worker", "worker-3:worker"], "v1.12.0", "v1.35.0", previous);

        Assert.Equal("2 control-plane nodes are removed at once (cp-2, cp-3); expected one per up, so etcd keeps its quorum while each leaves", Assert.Single(two.Check("TZ038").Messages));
        Assert.Equal(RuleStatus.Pass, one.Check("TZ038").Status);
    }

    [Fact]
    public void A_previous_plan_written_before_upgrades_were_planned_gives_no_waves()
    {
        var previous = JsonNode.Parse(Previous(ThreeByThree, "v1.12.0", "v1.35.0"))!;
        previous["renderings"]!["talos"]!.AsObject().Remove(ClusterFacts.JsonProperty);

        var plan = Plan(ThreeByThree, "v1.12.1", "v1.35.0", previous.ToJsonString());

        Assert.Null(plan.Context.ClusterChange);
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ031").Status);
    }

    [Fact]
    public void A_malformed_cluster_record_is_reported_by_TZ031()
    {
        var previous = JsonNode.Parse(Previous(ThreeByThree, "v1.12.0", "v1.35.0"))!;
        previous["renderings"]!["talos"]![ClusterFacts.JsonProperty]!["nodes"] = new JsonArray(new JsonObject { ["name"] = "cp-1", ["role"] = "boss", ["ip"] = "x" });

        var plan = Plan(ThreeByThree, "v1.12.1", "v1.35.0", previous.ToJsonString());

        Assert.Contains("renderings.talos.cluster is not", Assert.Single(plan.Check("TZ031").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cluster_record_reads_back_as_written()
    {
        var facts = PlanFixture.Of("prod").Context.Rendering.Get<TalosRendering>().Cluster;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            facts.Write(json);
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        var read = ClusterFacts.Read(document.RootElement, out var problem);

        Assert.Null(problem);
        Assert.Equal(facts with { Nodes = [] }, read! with { Nodes = [] });
        Assert.Equal(facts.Nodes, read.Nodes);
    }

    private static string Previous(string[] nodes, string talos, string kubernetes, string? contract = null) =>
        PlanJson(Plan(nodes, talos, kubernetes, previous: null, p =>
        {
            if (contract is not null)
            {
                p.Set("prod", "tazlab:talosConfigContract", contract);
            }
        }));

    private static Plan Plan(string[] nodes, string talos, string kubernetes, string? previous, Action<TempProject>? more = null) =>
        PlanFixture.Of(
            "prod",
            p =>
            {
                p.Set("prod", "tazlab:talosVersion", talos);
                p.Set("prod", "tazlab:kubernetesVersion", kubernetes);
                p.Set("prod", "tazlab:talosNodes", NodesYaml(nodes));
                more?.Invoke(p);
            },
            previous is null ? null : new PlanOptions(previous));

    private static string NodesYaml(string[] nodes) =>
        "[" + string.Join(", ", nodes.Select((n, i) =>
        {
            var (name, role) = (n.Split(':')[0], n.Split(':')[1]);
            return $"{{name: {name}, role: {role}, vmId: {900 + i}, cores: 2, memoryMiB: 4096, diskGiB: 32, ip: 192.168.1.{100 + i}, proxmoxNode: pve}}";
        })) + "]";

    private static string PlanJson(Plan plan) => PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.PlanJsonFile).Value;
}
