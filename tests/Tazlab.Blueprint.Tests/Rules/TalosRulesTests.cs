using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Blueprint.Rules;

// Not ".Rules": that namespace would shadow Tazlab.Blueprint.Rules for the rest of this test assembly.
namespace Tazlab.Blueprint.Tests.RuleTests;

public class TalosRulesTests
{
    private const string ApiServerFqdn = "lushycorp-k8s.magellanic-gondola.ts.net";

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Committed_stacks_pass_every_talos_rule(string stack)
    {
        var plan = PlanFixture.Of(stack);

        Assert.All(new[] { "TZ030", "TZ031", "TZ032", "TZ033" }, id => Assert.Equal(RuleStatus.Pass, plan.Check(id).Status));
    }

    // TZ030 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Api_server_name_in_machine_cert_sans_trips_TZ030()
    {
        // The patch from failure 1: added to a node to put the API server's name on "the" certificate.
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            NodePatches = [new RenderedFile(TalosRendering.NodeFile("tazlab-cp-1"), $"machine:\n  certSANs:\n    - {ApiServerFqdn}\n"), .. t.NodePatches.Skip(1)],
        });

        var result = new ApiServerCertSansRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            $"talos/nodes/tazlab-cp-1.yaml: machine.certSANs holds the API server's name {ApiServerFqdn}; that is the Talos API certificate, and changing it on a live cluster regenerates the cluster PKI",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void Api_server_name_in_machine_cert_sans_of_a_later_document_or_with_a_root_dot_trips_TZ030()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            WorkerPatch = new RenderedFile(TalosRendering.WorkerFile, t.WorkerPatch.Content + $"---\nmachine:\n  certSANs: [10.0.0.1, {ApiServerFqdn.ToUpperInvariant()}.]\n"),
        });

        var result = new ApiServerCertSansRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.StartsWith("talos/worker.yaml: machine.certSANs holds the API server's name", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Machine_cert_sans_without_the_api_server_name_pass_TZ030()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            WorkerPatch = new RenderedFile(TalosRendering.WorkerFile, t.WorkerPatch.Content + "---\nmachine:\n  certSANs: [10.0.0.1]\n"),
        });

        Assert.Equal(RuleStatus.Pass, new ApiServerCertSansRule().Evaluate(context).Status);
    }

    [Fact]
    public void Api_server_name_missing_from_cluster_api_server_cert_sans_trips_TZ030()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            ControlPlanePatch = new RenderedFile(TalosRendering.ControlPlaneFile, "cluster:\n  apiServer:\n    certSANs: [192.168.1.81]\n"),
        });

        var result = new ApiServerCertSansRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            $"talos/controlplane.yaml: cluster.apiServer.certSANs lacks the API server's name {ApiServerFqdn}; clients reaching it over the tailnet would fail TLS verification",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void A_patch_that_does_not_parse_trips_TZ030_without_throwing()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with { WorkerPatch = new RenderedFile(TalosRendering.WorkerFile, "machine: [unclosed\n") });

        var result = new ApiServerCertSansRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.StartsWith("talos/worker.yaml cannot be read back as YAML:", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    // TZ031 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Unchanged_stack_against_its_own_previous_plan_passes_TZ031()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of("prod", options: new PlanOptions(previous));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ031").Status);
    }

    [Fact]
    public void Changed_pod_cidr_trips_TZ031_naming_the_field_old_and_new()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:podCidr", "10.245.0.0/16"), new PlanOptions(previous));

        var check = plan.Check("TZ031");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            "cluster.network.podSubnets: 10.244.0.0/16 → 10.245.0.0/16; this field is bootstrap-only, a live cluster cannot take the change: the cluster must be rebuilt (destroyed and created)",
            Assert.Single(check.Messages));
    }

    [Fact]
    public void Changed_api_server_name_names_every_field_it_moves()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:apiServerDeviceName", "lushycorp-api"), new PlanOptions(previous));

        var check = plan.Check("TZ031");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            [
                "cluster.apiServer.certSANs",
                "cluster.apiServer.extraArgs.api-audiences",
                "cluster.apiServer.extraArgs.service-account-issuer",
                "cluster.apiServer.extraArgs.service-account-jwks-uri",
            ],
            check.Messages.Select(m => m[..m.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains(
            "cluster.apiServer.certSANs: lushycorp-k8s.magellanic-gondola.ts.net,192.168.1.81 → lushycorp-api.magellanic-gondola.ts.net,192.168.1.81;",
            check.Messages[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_rebuild_turns_TZ031_into_a_warning_with_the_same_messages()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));
        var failing = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:podCidr", "10.245.0.0/16"), new PlanOptions(previous)).Check("TZ031");

        var warning = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:podCidr", "10.245.0.0/16"), new PlanOptions(previous, AllowRebuild: true)).Check("TZ031");

        Assert.Equal(RuleStatus.Warn, warning.Status);
        Assert.Equal(failing.Messages, warning.Messages);
    }

    [Fact]
    public void Live_safe_changes_pass_TZ031()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of(
            "prod",
            p =>
            {
                p.Set("prod", "tazlab:talosTags", "[tag:tazlab-k8s, tag:tazpod]");
                p.Set("prod", "tazlab:talosVersion", "v1.12.4");
            },
            new PlanOptions(previous));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ031").Status);
    }

    [Fact]
    public void A_new_coredns_address_trips_TZ031_because_the_kubelets_keep_the_old_one()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsClusterIp", "10.96.0.53"), new PlanOptions(previous));

        Assert.StartsWith("machine.kubelet.clusterDNS: 10.96.0.10 → 10.96.0.53", Assert.Single(plan.Check("TZ031").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_talos_minor_version_trips_TZ031()
    {
        var previous = PlanJson(PlanFixture.Of("prod"));

        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:talosVersion", "v1.13.0"), new PlanOptions(previous));

        Assert.StartsWith("contract.talosVersion: v1.12 → v1.13;", Assert.Single(plan.Check("TZ031").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Added_and_removed_bootstrap_only_fields_trip_TZ031()
    {
        var current = PlanJson(PlanFixture.Of("prod"));
        // A previous plan that had one more bootstrap-only field and lacked the cluster name.
        var previous = current
            .Replace("\"path\": \"cluster.clusterName\"", "\"path\": \"cluster.retiredField\"", StringComparison.Ordinal);

        var check = PlanFixture.Of("prod", options: new PlanOptions(previous)).Check("TZ031");

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            [
                "cluster.clusterName: (not set) → tazlab; this field is bootstrap-only, a live cluster cannot take the change: the cluster must be rebuilt (destroyed and created)",
                "cluster.retiredField: tazlab → (not set); this field is bootstrap-only, a live cluster cannot take the change: the cluster must be rebuilt (destroyed and created)",
            ],
            check.Messages);
    }

    [Theory]
    [InlineData("{not json", "the previous plan cannot be compared: it is not valid JSON (")]
    [InlineData("[]", "the previous plan cannot be compared: it is not a JSON object; expected a plan.json written by an earlier plan of this stack")]
    [InlineData("{\"stack\": \"prod\", \"renderings\": {}}", "the previous plan cannot be compared: it has no renderings.talos.fields array; expected a plan.json written by an earlier plan of this stack")]
    [InlineData("{\"renderings\": {\"talos\": {\"fields\": [{\"path\": \"a\", \"class\": \"sometimes\", \"value\": \"b\"}]}}}", "the previous plan cannot be compared: renderings.talos.fields[0] is not {\"path\", \"class\": \"bootstrap-only\"|\"live-safe\", \"value\"}")]
    [InlineData("{\"renderings\": {\"talos\": {\"fields\": [{\"path\": \"a\", \"class\": \"live-safe\", \"value\": \"b\"}, {\"path\": \"a\", \"class\": \"live-safe\", \"value\": \"c\"}]}}}", "the previous plan cannot be compared: renderings.talos.fields lists a twice")]
    public void A_malformed_previous_plan_fails_TZ031_with_a_clear_message(string previous, string expected)
    {
        var check = PlanFixture.Of("prod", options: new PlanOptions(previous)).Check("TZ031");

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.StartsWith(expected, Assert.Single(check.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void A_previous_plan_of_another_stack_fails_TZ031()
    {
        var previous = PlanJson(PlanFixture.Of("dev"));

        var check = PlanFixture.Of("prod", options: new PlanOptions(previous, AllowRebuild: true)).Check("TZ031");

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal("the previous plan is of stack 'dev', not 'prod'; expected the plan.json last applied to prod", Assert.Single(check.Messages));
    }

    // TZ032 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void User_managed_coredns_without_talos_coredns_disabled_trips_TZ032()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            ControlPlanePatch = new RenderedFile(TalosRendering.ControlPlaneFile, t.ControlPlanePatch.Content.Replace("    coreDNS:\n        disabled: true\n", string.Empty, StringComparison.Ordinal)),
        });

        var result = new TalosCoreDnsRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            "talos/controlplane.yaml: cluster.coreDNS.disabled is not set, so Talos keeps managing its own CoreDNS and reverts the user-managed one (tazlab:corednsUserManaged is true)",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void A_node_patch_re_enabling_talos_coredns_trips_TZ032()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            NodePatches = [new RenderedFile(TalosRendering.NodeFile("tazlab-cp-1"), t.NodePatches[0].Content + "---\ncluster:\n  coreDNS:\n    disabled: false\n"), .. t.NodePatches.Skip(1)],
        });

        var result = new TalosCoreDnsRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("talos/nodes/tazlab-cp-1.yaml: cluster.coreDNS.disabled is false but tazlab:corednsUserManaged is true", Assert.Single(result.Messages));
    }

    [Fact]
    public void Talos_managed_coredns_passes_TZ032_and_disabling_it_then_trips_it()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsUserManaged", "false"));
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ032").Status);

        var context = WithTalos(plan, t => t with
        {
            ControlPlanePatch = new RenderedFile(TalosRendering.ControlPlaneFile, t.ControlPlanePatch.Content.Replace("disabled: false", "disabled: true", StringComparison.Ordinal)),
        });

        var result = new TalosCoreDnsRule().Evaluate(context);
        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("talos/controlplane.yaml: cluster.coreDNS.disabled is true but tazlab:corednsUserManaged is false", Assert.Single(result.Messages));
    }

    // TZ033 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Worker_patch_without_kubelet_cluster_dns_trips_TZ033()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsClusterIp", "10.96.0.53"));
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ033").Status);

        var context = WithTalos(plan, t => t with
        {
            WorkerPatch = new RenderedFile(TalosRendering.WorkerFile, "cluster:\n  clusterName: tazlab\n"),
        });

        var result = new KubeletClusterDnsRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            "talos/worker.yaml: machine.kubelet.clusterDNS is not set, so kubelets hand pods the tenth address of the service CIDR instead of 10.96.0.53 (tazlab:corednsClusterIp)",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void Kubelet_cluster_dns_pointing_elsewhere_trips_TZ033()
    {
        var context = WithTalos(PlanFixture.Of("prod"), t => t with
        {
            NodePatches = [.. t.NodePatches.SkipLast(1), new RenderedFile(TalosRendering.NodeFile("tazlab-worker-2"), "machine:\n  kubelet:\n    clusterDNS: [10.96.0.10, 169.254.2.53]\n")],
        });

        var result = new KubeletClusterDnsRule().Evaluate(context);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            "talos/nodes/tazlab-worker-2.yaml: machine.kubelet.clusterDNS is [10.96.0.10, 169.254.2.53] but the CoreDNS Service answers on 10.96.0.10 (tazlab:corednsClusterIp)",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void Talos_managed_coredns_passes_TZ033()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsUserManaged", "false"));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ033").Status);
    }

    private static PlanContext WithTalos(Plan plan, Func<TalosRendering, TalosRendering> change)
    {
        var context = plan.Context;
        var areas = context.Rendering.Areas.Select(a => a is TalosRendering talos ? change(talos) : a).ToList();
        return context with { Rendering = new PlatformRendering(areas) };
    }

    private static string PlanJson(Plan plan) => PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.PlanJsonFile).Value;
}
