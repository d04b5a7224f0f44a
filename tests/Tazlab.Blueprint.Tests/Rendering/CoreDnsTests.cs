using System.Text.Json;
using k8s;
using k8s.Models;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Blueprint.Rendering.CoreDns.Corefile;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Tests.Rendering;

public class CoreDnsTests
{
    /// <summary>A Corefile fragment as a double-quoted YAML scalar, the form TempProject.Set takes.</summary>
    internal static string YamlString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    [Fact]
    public void Corefile_parses_back_into_the_cluster_and_tailnet_blocks()
    {
        var plan = PlanFixture.Of("prod");

        var parsed = CorefileParser.Parse(plan.File(CoreDnsRendering.CorefileFile));

        Assert.Empty(parsed.Errors);
        Assert.Equal([".:53", "magellanic-gondola.ts.net:53"], parsed.Document.ServerBlocks.Select(b => Assert.Single(b.Keys)));

        var cluster = parsed.Document.ServerBlocks[0];
        Assert.Equal(["errors", "health", "ready", "kubernetes", "prometheus", "forward", "cache", "loop", "reload", "loadbalance"], cluster.Plugins.Select(p => p.Name));
        Assert.Equal("lameduck 5s", Line(Assert.Single(Plugin(cluster, "health").Block)));
        var kubernetes = Plugin(cluster, "kubernetes");
        Assert.Equal(["cluster.local", "in-addr.arpa", "ip6.arpa"], kubernetes.Arguments);
        Assert.Equal(["pods insecure", "fallthrough in-addr.arpa ip6.arpa", "ttl 30"], kubernetes.Block.Select(Line));
        Assert.Equal([":9153"], Plugin(cluster, "prometheus").Arguments);
        Assert.Equal([".", "1.1.1.1", "9.9.9.9"], Plugin(cluster, "forward").Arguments);
        Assert.Equal(["30"], Plugin(cluster, "cache").Arguments);

        var tailnet = parsed.Document.ServerBlocks[1];
        Assert.Equal(["errors", "rewrite", "template", "forward"], tailnet.Plugins.Select(p => p.Name));
        Assert.Equal(
            ["name", "regex", @"^([a-zA-Z0-9-]+)\.magellanic-gondola\.ts\.net\.$", "{1}.tailscale.svc.cluster.local", "answer", "auto"],
            Plugin(tailnet, "rewrite").Arguments);
        Assert.Equal(["ANY", "ANY", "magellanic-gondola.ts.net"], Plugin(tailnet, "template").Arguments);
        Assert.Equal("rcode NXDOMAIN", Line(Assert.Single(Plugin(tailnet, "template").Block)));
        Assert.Equal([".", "10.96.0.10"], Plugin(tailnet, "forward").Arguments);
    }

    [Fact]
    public void The_tailnet_rewrite_sends_Vaults_name_to_the_operators_egress_service()
    {
        var plan = PlanFixture.Of("prod");
        var tailnet = plan.Context.Rendering.Get<CoreDnsRendering>().Corefile!.ServerBlocks[1];

        Assert.Equal("lushycorp-vault.tailscale.svc.cluster.local.", TailnetRewrite.Apply(Plugin(tailnet, "rewrite"), "lushycorp-vault.magellanic-gondola.ts.net"));
        Assert.Null(TailnetRewrite.Apply(Plugin(tailnet, "rewrite"), "example.org"));
    }

    [Theory]
    [InlineData("www.lushycorp-vault.magellanic-gondola.ts.net")]
    [InlineData("magellanic-gondola.ts.net")]
    [InlineData("lushycorp-vault.magellanic-gondola.ts.net.example.org")]
    [InlineData("lushycorp-vault.magellanic-gondola.ts.network")]
    public void The_tailnet_rewrite_takes_exactly_one_label_before_the_tailnet(string name)
    {
        var plan = PlanFixture.Of("prod");
        var tailnet = plan.Context.Rendering.Get<CoreDnsRendering>().Corefile!.ServerBlocks[1];

        Assert.Null(TailnetRewrite.Apply(Plugin(tailnet, "rewrite"), name));
    }

    [Fact]
    public void Every_block_opens_at_a_line_end_and_closes_alone()
    {
        var text = PlanFixture.Of("prod").File(CoreDnsRendering.CorefileFile);

        Assert.Contains("    health {\n        lameduck 5s\n    }\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("health { lameduck", text, StringComparison.Ordinal);
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var tokens = line.Split(' ');
            Assert.True(!tokens.Contains("{") || tokens[^1] == "{", $"'{line}' has text after '{{'");
            Assert.True(!tokens.Contains("}") || line == "}", $"'{line}' has text beside '}}'");
        }
    }

    [Fact]
    public void The_writer_always_writes_a_nested_block_over_several_lines()
    {
        var document = new CorefileDocument([new CorefileServerBlock(["lab.internal:53"], [new CorefileDirective("health").WithBlock(new CorefileDirective("lameduck", "5s"))])]);

        Assert.Equal("lab.internal:53 {\n    health {\n        lameduck 5s\n    }\n}\n", CorefileWriter.Write(document));
    }

    [Fact]
    public void Extra_server_blocks_are_appended_and_normalised_through_the_model()
    {
        var fragment = "# lab resolvers\nlab.internal,   10.0.0.0/24 {\t# two zones\n\terrors\n        forward . 192.168.1.1   192.168.1.2 {\n   max_concurrent 1000\n }\n   template IN A lab.internal {\n      answer \"{{ .Name }} 60 IN A 192.168.1.10\"\n   }\n}\n";
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsExtraServerBlocks", YamlString(fragment)));

        var text = plan.File(CoreDnsRendering.CorefileFile);

        Assert.EndsWith(
            "}\n\nlab.internal 10.0.0.0/24 {\n    errors\n    forward . 192.168.1.1 192.168.1.2 {\n        max_concurrent 1000\n    }\n    template IN A lab.internal {\n        answer \"{{ .Name }} 60 IN A 192.168.1.10\"\n    }\n}\n",
            text,
            StringComparison.Ordinal);
        var parsed = CorefileParser.Parse(text);
        Assert.Empty(parsed.Errors);
        Assert.Equal(3, parsed.Document.ServerBlocks.Count);
        Assert.Equal(text, CorefileWriter.Write(parsed.Document));
    }

    [Fact]
    public void Manifests_parse_back_into_the_coredns_objects()
    {
        var plan = PlanFixture.Of("prod");
        var objects = KubernetesManifests.Read(plan.File(CoreDnsRendering.ManifestsFile));

        Assert.Collection(
            objects,
            o => Assert.Equal("coredns", Assert.IsType<V1ServiceAccount>(o).Metadata.Name),
            o => Assert.IsType<V1ClusterRole>(o),
            o => Assert.IsType<V1ClusterRoleBinding>(o),
            o => Assert.IsType<V1ConfigMap>(o),
            o => Assert.IsType<V1Deployment>(o),
            o => Assert.IsType<V1Service>(o),
            o => Assert.IsType<V1PodDisruptionBudget>(o));
        Assert.All(objects.Cast<IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1ClusterRole and not V1ClusterRoleBinding), o => Assert.Equal("kube-system", o.Metadata.NamespaceProperty));
        Assert.All(objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("kube-dns", o.Metadata.Labels["k8s-app"]));

        var role = objects.OfType<V1ClusterRole>().Single();
        Assert.Equal("system:coredns", role.Metadata.Name);
        Assert.Equal(["endpoints", "services", "pods", "namespaces"], role.Rules[0].Resources);
        Assert.Equal([string.Empty], role.Rules[0].ApiGroups);
        Assert.Equal(["discovery.k8s.io"], role.Rules[1].ApiGroups);
        Assert.Equal(["endpointslices"], role.Rules[1].Resources);
        Assert.All(role.Rules, r => Assert.Equal(["list", "watch"], r.Verbs));

        var binding = objects.OfType<V1ClusterRoleBinding>().Single();
        Assert.Equal("system:coredns", binding.RoleRef.Name);
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "coredns", "kube-system"), (subject.Kind, subject.Name, subject.NamespaceProperty));

        var configMap = objects.OfType<V1ConfigMap>().Single();
        Assert.Equal(plan.File(CoreDnsRendering.CorefileFile), configMap.Data["Corefile"]);
    }

    [Fact]
    public void Deployment_runs_pinned_non_root_coredns_with_probes_and_anti_affinity()
    {
        var plan = PlanFixture.Of("prod");
        var deployment = KubernetesManifests.Read(plan.File(CoreDnsRendering.ManifestsFile)).OfType<V1Deployment>().Single();

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("kube-dns", deployment.Spec.Selector.MatchLabels["k8s-app"]);
        Assert.Equal("1", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal("kube-dns", deployment.Spec.Template.Metadata.Labels["k8s-app"]);
        Assert.Equal("system-cluster-critical", pod.PriorityClassName);
        Assert.Equal("Default", pod.DnsPolicy);
        Assert.Equal("coredns", pod.ServiceAccountName);
        var term = Assert.Single(pod.Affinity.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
        var expression = Assert.Single(term.LabelSelector.MatchExpressions);
        Assert.Equal(("k8s-app", "In", "kube-dns"), (expression.Key, expression.OperatorProperty, Assert.Single(expression.Values)));
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(65532, pod.SecurityContext.RunAsUser);

        var container = Assert.Single(pod.Containers);
        Assert.Equal("registry.k8s.io/coredns/coredns:v1.12.4", container.Image);
        Assert.Equal(["-conf", "/etc/coredns/Corefile"], container.Args);
        Assert.Equal(("/ready", "8181"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(("/health", "8080"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal("100m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("70Mi", container.Resources.Requests["memory"].ToString());
        Assert.Equal("170Mi", container.Resources.Limits["memory"].ToString());
        var security = container.SecurityContext;
        Assert.Equal((false, true, true), (security.AllowPrivilegeEscalation, security.ReadOnlyRootFilesystem, security.RunAsNonRoot));
        Assert.Equal(["NET_BIND_SERVICE"], security.Capabilities.Add);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Equal([(53, "UDP"), (53, "TCP"), (9153, "TCP")], container.Ports.Select(p => (p.ContainerPort, p.Protocol)));

        var mount = Assert.Single(container.VolumeMounts);
        var volume = Assert.Single(pod.Volumes);
        Assert.Equal((mount.Name, "/etc/coredns", true), (volume.Name, mount.MountPath, mount.ReadOnlyProperty));
        Assert.Equal("coredns", volume.ConfigMap.Name);
        Assert.Equal(("Corefile", "Corefile"), (Assert.Single(volume.ConfigMap.Items).Key, volume.ConfigMap.Items[0].Path));
    }

    [Fact]
    public void Service_pins_the_cluster_ip_and_the_budget_allows_one_pod_down()
    {
        var objects = KubernetesManifests.Read(PlanFixture.Of("prod").File(CoreDnsRendering.ManifestsFile));

        var service = objects.OfType<V1Service>().Single();
        Assert.Equal("kube-dns", service.Metadata.Name);
        Assert.Equal("10.96.0.10", service.Spec.ClusterIP);
        Assert.Equal("kube-dns", service.Spec.Selector["k8s-app"]);
        Assert.Equal([("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP")], service.Spec.Ports.Select(p => (p.Name, p.Port, p.Protocol)));

        var budget = objects.OfType<V1PodDisruptionBudget>().Single();
        Assert.Equal("policy/v1", budget.ApiVersion);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Equal("kube-dns", budget.Spec.Selector.MatchLabels["k8s-app"]);
    }

    [Fact]
    public void Dev_renders_its_own_replicas_and_operator_namespace()
    {
        var plan = PlanFixture.Of("dev", p => p.Set("dev", "tazlab:operatorNamespace", "tailscale-dev"));
        var coreDns = plan.Context.Rendering.Get<CoreDnsRendering>();

        Assert.Equal(1, coreDns.Manifests!.Deployment.Spec.Replicas);
        Assert.Contains("{1}.tailscale-dev.svc.cluster.local answer auto", plan.File(CoreDnsRendering.CorefileFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Talos_managed_coredns_renders_no_files()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:corednsUserManaged", "false"));

        Assert.DoesNotContain(plan.Context.Rendering.Files, f => f.Path.StartsWith("coredns/", StringComparison.Ordinal));
        Assert.Equal("""{"userManaged":false}""", Facts(plan.Context.Rendering.Get<CoreDnsRendering>()));
    }

    [Fact]
    public void Plan_facts_name_the_cluster_ip_zones_replicas_and_image()
    {
        var plan = PlanFixture.Of("prod");

        Assert.Equal(
            """{"userManaged":true,"clusterIp":"10.96.0.10","zones":[".:53","magellanic-gondola.ts.net:53"],"replicas":2,"image":"registry.k8s.io/coredns/coredns:v1.12.4"}""",
            Facts(plan.Context.Rendering.Get<CoreDnsRendering>()));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = PlanFixture.Of("prod").Context.Rendering.Get<CoreDnsRendering>().Files;
        var second = PlanFixture.Of("prod").Context.Rendering.Get<CoreDnsRendering>().Files;

        Assert.Equal(first, second);
    }

    private static CorefileDirective Plugin(CorefileServerBlock block, string name) => Assert.Single(block.Plugins, p => p.Name == name);

    private static string Line(CorefileDirective directive) => string.Join(' ', directive.Tokens);

    private static string Facts(CoreDnsRendering rendering)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            rendering.WritePlanFacts(json);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
