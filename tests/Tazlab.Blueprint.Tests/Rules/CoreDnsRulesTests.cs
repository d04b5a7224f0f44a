using System.Net;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Tests.RuleTests;

/// <summary>
/// TZ040–TZ044. Configuration validation already stops most of what TZ040–TZ043 catch, so those are tripped
/// the honest way: the rule is evaluated on a rendering built by hand from the real builders with a
/// changed model or text, exactly what a renderer bug would produce.
/// </summary>
public class CoreDnsRulesTests
{
    private const string OneLineHealth = "    health { lameduck 5s }\n";
    private const string NestedHealth = "    health {\n        lameduck 5s\n    }\n";

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Every_CoreDNS_rule_passes_for_the_committed_stacks(string stack)
    {
        var plan = PlanFixture.Of(stack);

        Assert.All(["TZ040", "TZ041", "TZ042", "TZ043", "TZ044"], id => Assert.Equal(RuleStatus.Pass, plan.Check(id).Status));
    }

    [Fact]
    public void Rules_pass_when_Talos_manages_CoreDNS()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsUserManaged", "false"));

        Assert.All(["TZ040", "TZ041", "TZ042", "TZ043", "TZ044"], id => Assert.Equal(RuleStatus.Pass, plan.Check(id).Status));
    }

    [Fact]
    public void TZ040_trips_on_a_one_line_block_in_the_deployed_Corefile()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new CorefileBlockFormRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns, coreDns.Manifests!.Corefile.Replace(NestedHealth, OneLineHealth, StringComparison.Ordinal)) });

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            "ConfigMap kube-system/coredns: line 3: 'health { lameduck 5s }' opens and closes a block on one line; expected the block on its own lines: 'health {', 'lameduck 5s', '}'",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ040_trips_on_an_unbalanced_Corefile_file()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new CorefileBlockFormRule(), plan, (coreDns, _) =>
            coreDns with { Files = [.. coreDns.Files.Select(f => f.Path == CoreDnsRendering.CorefileFile ? f with { Content = f.Content + "}\n" } : f)] });

        var lines = PlanFixture.Of("prod").File(CoreDnsRendering.CorefileFile).Split('\n').Length;
        Assert.Equal(
            $"coredns/Corefile: line {lines}: '}}' closes a block that was never opened; expected each '}}' to close a block opened by a line ending in '{{'",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ041_trips_when_the_rewrite_targets_another_namespace()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new TailnetRewriteRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns, coreDns.Manifests!.Corefile.Replace("{1}.tailscale.svc", "{1}.default.svc", StringComparison.Ordinal)) });

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            "the magellanic-gondola.ts.net:53 block rewrites lushycorp-vault.magellanic-gondola.ts.net to lushycorp-vault.default.svc.cluster.local, but the operator's egress Services are in namespace tailscale (tazlab:operatorNamespace); expected lushycorp-vault.tailscale.svc.cluster.local",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ041_trips_when_the_tailnet_block_is_missing()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new TailnetRewriteRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns, coreDns.Manifests!.Corefile.Replace("magellanic-gondola.ts.net:53 {", "example.org:53 {", StringComparison.Ordinal)) });

        Assert.Equal(
            "the Corefile has no server block for magellanic-gondola.ts.net:53, so tailnet names such as lushycorp-vault.magellanic-gondola.ts.net are not resolved inside the cluster",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ041_trips_when_the_rewrite_is_not_anchored()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new TailnetRewriteRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns, coreDns.Manifests!.Corefile.Replace(@"regex ^([a-zA-Z0-9-]+)\.magellanic-gondola\.ts\.net\.$", @"regex ([a-zA-Z0-9-]+)\.magellanic-gondola\.ts\.net", StringComparison.Ordinal)) });

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            @"the magellanic-gondola.ts.net:53 block rewrites www.lushycorp-vault.magellanic-gondola.ts.net to lushycorp-vault.tailscale.svc.cluster.local: its regex is not anchored (expected ^…\.magellanic-gondola\.ts\.net\.$, one label before the tailnet)",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ041_trips_when_names_no_rewrite_takes_would_loop()
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new TailnetRewriteRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns, coreDns.Manifests!.Corefile.Replace("rcode NXDOMAIN", "rcode SERVFAIL", StringComparison.Ordinal)) });

        Assert.Equal(
            "the magellanic-gondola.ts.net:53 block forwards a name no rewrite matches back to CoreDNS itself, which loops; expected a 'template ANY ANY magellanic-gondola.ts.net' answering rcode NXDOMAIN",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ041_passes_when_the_operator_namespace_changes_with_the_rewrite()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:operatorNamespace", "tailnet-egress"));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ041").Status);
        Assert.Contains("{1}.tailnet-egress.svc.cluster.local", plan.File(CoreDnsRendering.CorefileFile), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.200.0.10", "Service kube-system/kube-dns pins clusterIP 10.200.0.10, outside the service CIDR 10.96.0.0/12")]
    [InlineData("10.111.255.255", "Service kube-system/kube-dns pins clusterIP 10.111.255.255, which is not a host address of 10.96.0.0/12")]
    [InlineData("10.96.0.0", "Service kube-system/kube-dns pins clusterIP 10.96.0.0, which is not a host address of 10.96.0.0/12")]
    public void TZ042_trips_when_the_service_ip_is_not_a_host_in_the_service_cidr(string clusterIp, string expected)
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new CoreDnsServiceIpRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns with { ClusterIp = IPAddress.Parse(clusterIp) }, coreDns.Manifests!.Corefile) });

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(expected, Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ042_passes_for_the_last_host_address()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsClusterIp", "10.111.255.254"));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ042").Status);
    }

    [Theory]
    [InlineData("registry.k8s.io/coredns/coredns:latest")]
    [InlineData("coredns/coredns:unstable")]
    [InlineData("coredns/coredns")]
    public void TZ043_trips_on_an_image_that_is_not_pinned(string image)
    {
        var plan = PlanFixture.Of("prod");

        var result = Evaluate(new CoreDnsImagesPinnedRule(), plan, (coreDns, config) =>
            coreDns with { Manifests = CoreDnsManifests.Build(config.CoreDns with { Image = image }, coreDns.Manifests!.Corefile) });

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(
            $"Deployment kube-system/coredns container coredns runs '{image}', which is not pinned; expected an image pinned by tag or digest, such as registry.k8s.io/coredns/coredns:v1.12.4 (not latest or unstable)",
            Assert.Single(result.Messages));
    }

    [Fact]
    public void TZ043_passes_for_an_image_pinned_by_digest()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsImage", "registry.k8s.io/coredns/coredns@sha256:" + new string('a', 64)));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ043").Status);
    }

    [Fact]
    public void TZ044_trips_when_replicas_outnumber_the_nodes()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsReplicas", "4"));

        var check = plan.Check("TZ044");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal("CoreDNS asks for 4 replicas, but at most one fits on each of the cluster's 3 nodes; 1 would stay Pending", Assert.Single(check.Messages));
    }

    [Fact]
    public void TZ044_passes_with_one_replica_per_node()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsReplicas", "3"));

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ044").Status);
    }

    /// <summary>Evaluates <paramref name="rule"/> on the plan with its CoreDNS rendering replaced.</summary>
    private static RuleResult Evaluate(ISafetyRule rule, Plan plan, Func<CoreDnsRendering, StackConfig, CoreDnsRendering> change)
    {
        var areas = plan.Context.Rendering.Areas.Select(a => a is CoreDnsRendering coreDns ? change(coreDns, plan.Context.Config) : a).ToList();
        return rule.Evaluate(plan.Context with { Rendering = new PlatformRendering(areas) });
    }
}
