using k8s.Models;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Stacks.Naming;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Tests.Rendering;

public class OperatorTests
{
    private static YamlMappingNode Values(string stack)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(PlanFixture.Of(stack).File(OperatorRendering.ValuesFile)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string At(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return ((YamlScalarNode)current).Value!;
    }

    [Fact]
    public void Helm_values_read_oauth_from_the_secret_and_pin_images_to_the_operator_version()
    {
        var values = Values("prod");

        Assert.Empty((YamlMappingNode)values["oauth"]);
        Assert.Equal("true", At(values, "installCRDs"));
        Assert.Equal("tag:k8s-operator", ((YamlScalarNode)((YamlSequenceNode)values["operatorConfig"]["defaultTags"])[0]).Value);
        Assert.Equal("tailscale/k8s-operator", At(values, "operatorConfig", "image", "repository"));
        Assert.Equal("v1.96.5", At(values, "operatorConfig", "image", "tag"));
        Assert.Equal("tailscale/tailscale", At(values, "proxyConfig", "image", "repository"));
        Assert.Equal("v1.96.5", At(values, "proxyConfig", "image", "tag"));
        Assert.Equal("tag:k8s", At(values, "proxyConfig", "defaultTags"));
        Assert.Equal("false", At(values, "apiServerProxyConfig", "mode"));
        Assert.Equal("tazlab-tailscale-operator", At(values, "operatorConfig", "hostname"));
    }

    [Fact]
    public void Each_cluster_names_its_operator_device_apart_so_dev_and_prod_do_not_collide()
    {
        Assert.NotEqual(At(Values("prod"), "operatorConfig", "hostname"), At(Values("dev"), "operatorConfig", "hostname"));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Operator_hostname_is_the_one_device_pruning_recognises(string stack)
    {
        // tailnet prune finds the operator's device by this name: the two must never drift apart.
        Assert.Equal(PlatformNames.OperatorHostname(PlanFixture.Of(stack).Context.Config), At(Values(stack), "operatorConfig", "hostname"));
    }

    [Fact]
    public void Namespace_is_privileged()
    {
        var ns = Assert.IsType<V1Namespace>(Assert.Single(KubernetesManifests.Read(PlanFixture.Of("prod").File(OperatorRendering.NamespaceFile))));

        Assert.Equal("tailscale", ns.Metadata.Name);
        Assert.Equal("privileged", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void Vault_egress_and_api_server_ingress_services()
    {
        var services = KubernetesManifests.Read(PlanFixture.Of("prod").File(OperatorRendering.ServicesFile)).Cast<V1Service>().ToList();

        var egress = services.Single(s => s.Spec.Type == "ExternalName");
        Assert.Equal("lushycorp-vault", egress.Metadata.Name);
        Assert.Equal("tailscale", egress.Metadata.NamespaceProperty);
        Assert.Equal("lushycorp-vault.magellanic-gondola.ts.net", egress.Metadata.Annotations["tailscale.com/tailnet-fqdn"]);

        var ingress = services.Single(s => s.Spec.Type == "LoadBalancer");
        Assert.Equal("tailscale", ingress.Spec.LoadBalancerClass);
        Assert.Equal("lushycorp-k8s", ingress.Metadata.Annotations["tailscale.com/hostname"]);
        Assert.Equal(6443, Assert.Single(ingress.Spec.Ports).Port);
        Assert.Equal("kube-apiserver", ingress.Spec.Selector["k8s-app"]);
    }

    [Fact]
    public void Dev_runs_its_own_operator_under_its_own_api_server_name()
    {
        var plan = PlanFixture.Of("dev");
        var services = KubernetesManifests.Read(plan.File(OperatorRendering.ServicesFile)).Cast<V1Service>().ToList();

        Assert.Equal("lushycorp-k8s-dev", services.Single(s => s.Spec.Type == "LoadBalancer").Metadata.Annotations["tailscale.com/hostname"]);
        Assert.Equal("lushycorp-vault", services.Single(s => s.Spec.Type == "ExternalName").Metadata.Name);
    }
}
