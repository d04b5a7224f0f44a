using k8s.Models;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rendering.Yaml;
using Tazlab.Stacks.Naming;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>Renders the Tailscale operator's Helm values and the Kubernetes objects around it.</summary>
public static class OperatorRenderer
{
    /// <summary>Images of the operator and its proxies (Docker Hub; the chart's defaults, pinned here to the chart's version).</summary>
    public const string OperatorImage = "tailscale/k8s-operator";
    public const string ProxyImage = "tailscale/tailscale";

    /// <summary>The Pod Security admission label the operator's namespace needs: its proxies manipulate networking.</summary>
    public const string PodSecurityLabel = "pod-security.kubernetes.io/enforce";

    /// <summary>Labels Talos puts on its kube-apiserver static pods, which the API server's tailnet Service selects.</summary>
    private static readonly Dictionary<string, string> ApiServerPodLabels = new() { ["k8s-app"] = "kube-apiserver" };

    private static readonly ISerializer Yaml = new StaticSerializerBuilder(new RecordTypes()
            .Add<OperatorHelmValues>()
            .Add<OperatorSettings>()
            .Add<ProxySettings>()
            .Add<ImageSettings>()
            .Add<ProxyImageSettings>()
            .Add<ApiServerProxySettings>()
            .Context())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .DisableAliases()
        .Build();

    public static OperatorRendering Render(RenderInput input)
    {
        var config = input.Config;
        var ns = config.Operator.Namespace;

        // Chart and images share the operator's version: a proxy or nameserver image from another release
        // (e.g. "unstable") reads the operator's records differently and fails silently (DOMAIN failure 8).
        var tag = "v" + config.Operator.ChartVersion.TrimStart('v');
        var values = new OperatorHelmValues(
            OAuth: new Dictionary<string, string>(),
            InstallCrds: true,
            new OperatorSettings(config.Operator.OperatorTags, PlatformNames.OperatorHostname(config), new ImageSettings(OperatorImage, tag, "IfNotPresent")),
            new ProxySettings(string.Join(',', config.Operator.ProxyTags), new ProxyImageSettings(ProxyImage, tag)),
            new ApiServerProxySettings("false"));

        var namespaceObject = new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string> { [PodSecurityLabel] = "privileged" } },
        };

        var egress = VaultEgress(input.Names, config.Vault.DeviceName, ns);
        var ingress = ApiServerIngress(config.Talos.ApiServerDeviceName);
        return new OperatorRendering(
            values,
            namespaceObject,
            egress,
            ingress,
            [
                new RenderedFile(OperatorRendering.ValuesFile, Yaml.Serialize(values)),
                new RenderedFile(OperatorRendering.NamespaceFile, KubernetesManifests.Write([namespaceObject])),
                new RenderedFile(OperatorRendering.ServicesFile, KubernetesManifests.Write([egress, ingress])),
            ]);
    }

    /// <summary>
    /// Egress to Vault: the operator runs a proxy for this ExternalName Service. Its name is Vault's device
    /// name so that CoreDNS can rewrite <c>&lt;device&gt;.&lt;tailnet&gt;</c> to it.
    /// </summary>
    private static V1Service VaultEgress(PlatformNames names, string vaultDevice, string ns) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = vaultDevice,
            NamespaceProperty = ns,
            Annotations = new Dictionary<string, string> { [OperatorRendering.TailnetFqdnAnnotation] = names.VaultFqdn },
        },
        Spec = new V1ServiceSpec
        {
            Type = "ExternalName",
            // The operator replaces this with its proxy's address; the API requires some value.
            ExternalName = "placeholder",
        },
    };

    /// <summary>The API server on the tailnet: a LoadBalancer Service of class tailscale in front of the kube-apiserver pods.</summary>
    private static V1Service ApiServerIngress(string deviceName) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = deviceName,
            NamespaceProperty = "kube-system",
            Annotations = new Dictionary<string, string> { [OperatorRendering.HostnameAnnotation] = deviceName },
        },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            LoadBalancerClass = "tailscale",
            Selector = ApiServerPodLabels,
            Ports = [new V1ServicePort { Name = "https", Port = PlatformNames.ApiServerPort, TargetPort = PlatformNames.ApiServerPort, Protocol = "TCP" }],
        },
    };
}
