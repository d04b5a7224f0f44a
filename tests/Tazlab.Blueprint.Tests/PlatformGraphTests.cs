using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests;

public class PlatformGraphTests
{
    private static Plan PlanOf(string stack, Action<TempProject>? change = null)
    {
        using var project = TempProject.FromRepo();
        change?.Invoke(project);
        var loaded = StackLoader.Load(project.Directory, stack);
        Assert.Empty(loaded.Errors.Select(e => e.ToString()));
        var diagnostics = new DiagnosticBag();
        var plan = PlanBuilder.Build(loaded.Config!, [], diagnostics);
        Assert.Empty(diagnostics.Items.Select(e => e.ToString()));
        return plan!;
    }

    [Fact]
    public void Prod_graph_has_every_part_and_no_cycle()
    {
        var plan = PlanOf("prod");
        var ids = plan.Context.Graph.Nodes.Select(n => n.Id).ToHashSet();

        string[] expected =
        [
            "tailnet-policy", "oauth-client:tazlab-bootstrap", "oauth-client:k8s-operator", "auth-key:vault", "auth-key:talos",
            "vault-tls", "vault-server", "vault-tls-installed", "vault-initialised", "vault-reachable", "talos-image", "proxmox-vms", "machine-secrets",
            "machine-config", "bootstrap", "kubeconfig", "cluster-healthy", "api-server-reachable", "coredns", "operator-oauth-secret",
            "tailscale-operator", "vault-egress", "cluster-resolves-vault", "external-secrets", "cluster-secret-store", "jwt-backend",
            "jwt-role:grafana-consumer", "eso-reader-policy", "jwt-role:external-secrets", "flux-git-credential", "device-cleanup",
        ];
        Assert.All(expected, id => Assert.Contains(id, ids));
        Assert.True(plan.Context.Analysis.IsAcyclic);
        Assert.False(plan.SafetyFailed);
        Assert.Equal(RuleStatus.Pass, plan.Checks.Single(c => c.RuleId == "TZ001").Status);
    }

    [Fact]
    public void Operator_oauth_from_vault_is_the_seed_deadlock_1()
    {
        var plan = PlanOf("prod", p => p.Set("prod", "tazlab:operatorOAuthSource", "vault"));

        var cycle = Assert.Single(plan.Context.Analysis.Cycles);
        Assert.Equal(["operator-oauth-secret", "tailscale-operator", "vault-egress", "cluster-resolves-vault", "cluster-secret-store"], cycle.Nodes);
        Assert.True(plan.SafetyFailed);
        var check = plan.Checks.Single(c => c.RuleId == "TZ001");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            "bootstrap cycle: operator-oauth-secret → tailscale-operator → vault-egress → cluster-resolves-vault → cluster-secret-store → operator-oauth-secret; "
            + "break it: set tazlab:operatorOAuthSource to bootstrap: the operator's OAuth secret is then created directly as a Kubernetes Secret from stack secrets, and Vault takes over later",
            Assert.Single(check.Messages));
    }

    [Fact]
    public void Bootstrap_oauth_comes_from_the_oauth_client_in_prod_and_from_the_reference_in_dev()
    {
        var prod = PlanOf("prod").Context.Graph;
        var dev = PlanOf("dev").Context.Graph;

        Assert.Contains(prod.DependenciesOf("operator-oauth-secret"), e => e is { From: "oauth-client:k8s-operator", Kind: EdgeKind.SecretSource });
        Assert.Contains(dev.DependenciesOf("operator-oauth-secret"), e => e is { From: "stack-reference", Kind: EdgeKind.SecretSource });
        Assert.False(dev.Contains("tailnet-policy"));
        Assert.False(dev.Contains("vault-server"));
        Assert.Contains(dev.DependenciesOf("vault-reachable"), e => e.From == "stack-reference");
    }

    [Fact]
    public void Validation_mode_decides_what_the_jwt_backend_waits_for()
    {
        var pubkeys = PlanOf("prod").Context.Graph;
        var jwks = PlanOf("prod", p => p.Set("prod", "tazlab:vaultJwtValidationMode", "jwks-url")).Context.Graph;

        Assert.Contains(pubkeys.DependenciesOf("jwt-backend"), e => e is { From: "machine-secrets", Kind: EdgeKind.Provisioning });
        Assert.Contains(jwks.DependenciesOf("jwt-backend"), e => e is { From: "api-server-reachable", Kind: EdgeKind.Runtime });
    }

    [Fact]
    public void Talos_managed_coredns_removes_the_coredns_node()
    {
        var graph = PlanOf("prod", p => p.Set("prod", "tazlab:corednsUserManaged", "false")).Context.Graph;

        Assert.False(graph.Contains("coredns"));
        Assert.Contains(graph.DependenciesOf("tailscale-operator"), e => e.From == "cluster-healthy");
    }

    [Fact]
    public void Cluster_secret_store_waits_for_the_external_secrets_release()
    {
        var graph = PlanOf("prod").Context.Graph;

        Assert.Contains(graph.DependenciesOf("cluster-secret-store"), e => e is { From: "external-secrets", Kind: EdgeKind.Provisioning });
        Assert.Contains(graph.DependenciesOf("flux-git-credential"), e => e is { From: "stack-secrets", Kind: EdgeKind.SecretSource });
    }

    [Fact]
    public void Duration_estimates_override_defaults_by_id_or_kind()
    {
        var plan = PlanOf("prod", p => p.Set("prod", "tazlab:durationEstimates", "{bootstrap: 9m, jwt-role: 2m}"));
        var graph = plan.Context.Graph;

        Assert.Equal(TimeSpan.FromMinutes(9), graph["bootstrap"].Duration);
        Assert.Equal(TimeSpan.FromMinutes(2), graph["jwt-role:grafana-consumer"].Duration);
        Assert.Equal(DurationEstimates.Defaults["kubeconfig"], graph["kubeconfig"].Duration);
    }

    [Fact]
    public void Unknown_duration_estimate_is_a_configuration_error()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:durationEstimates", "{bootstrp: 5m}");
        var loaded = StackLoader.Load(project.Directory, "prod");
        var diagnostics = new DiagnosticBag();

        var plan = PlanBuilder.Build(loaded.Config!, [], diagnostics);

        Assert.Null(plan);
        Assert.Equal(
            ["tazlab:durationEstimates.bootstrp: names no node of the dependency graph (did you mean 'bootstrap'?); expected a node id from graph.json, or a kind such as jwt-role"],
            diagnostics.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_node_kind_has_a_documented_default_duration()
    {
        var graphs = new[] { PlanOf("prod").Context.Graph, PlanOf("dev").Context.Graph };

        Assert.All(graphs.SelectMany(g => g.Nodes), node =>
        {
            var kind = node.Id.Split(':')[0];
            Assert.True(DurationEstimates.Defaults.ContainsKey(kind), kind);
        });
    }

    [Fact]
    public void Critical_path_is_no_longer_than_the_serial_total_and_follows_edges()
    {
        foreach (var stack in new[] { "prod", "dev" })
        {
            var plan = PlanOf(stack);
            var analysis = plan.Context.Analysis;
            Assert.True(analysis.CriticalDuration <= analysis.SerialDuration);
            for (var i = 1; i < analysis.CriticalPath.Count; i++)
            {
                Assert.Contains(plan.Context.Graph.Edges, e => e.From == analysis.CriticalPath[i - 1] && e.To == analysis.CriticalPath[i]);
            }
        }
    }

    [Fact]
    public void Every_edge_goes_from_an_earlier_phase_to_a_later_one()
    {
        var plan = PlanOf("prod");
        var phaseOf = plan.Context.Analysis.Phases.SelectMany((p, i) => p.Select(id => (id, i))).ToDictionary(x => x.id, x => x.i);

        Assert.Equal(plan.Context.Graph.Nodes.Count, phaseOf.Count);
        Assert.All(plan.Context.Graph.Edges, e => Assert.True(phaseOf[e.From] < phaseOf[e.To], $"{e.From} -> {e.To}"));
    }

    [Fact]
    public void Only_states_reached_and_configuration_have_no_resources()
    {
        var graph = PlanFixture.Of("prod").Context.Graph;

        Assert.Equal(["vault-reachable", "api-server-reachable", "cluster-resolves-vault"], graph.Nodes.Where(n => n.Realisation == NodeRealisation.Observed).Select(n => n.Id));
        Assert.Equal(["stack-secrets"], graph.Nodes.Where(n => n.Realisation == NodeRealisation.Configuration).Select(n => n.Id));
    }

    [Fact]
    public void The_operator_release_follows_coredns_through_the_runtime_edge()
    {
        var graph = PlanFixture.Of("prod").Context.Graph;

        Assert.Contains("coredns", graph.ResourcePredecessorsOf("tailscale-operator"));
        // The store reaches Vault by name: it waits for the egress Service and CoreDNS behind "cluster resolves Vault".
        Assert.Contains("vault-egress", graph.ResourcePredecessorsOf("cluster-secret-store"));
        Assert.Contains("coredns", graph.ResourcePredecessorsOf("cluster-secret-store"));
    }

    [Fact]
    public void Ownership_shapes_the_graph()
    {
        var config = StackLoader.Load(RepoPaths.Root, "dev").Config!;

        Assert.Equal(PartOwnership.Reference, config.Ownership.VaultServer);
        Assert.Contains(PlanOf("dev").Context.Graph.Nodes, n => n.Id == "stack-reference" && n.Label == "Outputs of organization/tazlab/prod");
    }
}
