using System.Text.Json;
using k8s.Models;

namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>
/// The Tailscale operator's pieces: Helm values, its privileged namespace, the Vault egress Service and the
/// API server's tailnet LoadBalancer Service.
/// </summary>
public sealed record OperatorRendering(
    OperatorHelmValues Values,
    V1Namespace Namespace,
    V1Service VaultEgress,
    V1Service ApiServerIngress,
    IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string ValuesFile = "operator/values.yaml";
    public const string NamespaceFile = "operator/namespace.yaml";
    public const string ServicesFile = "operator/services.yaml";

    /// <summary>The annotation that makes an ExternalName Service an egress proxy to a tailnet device.</summary>
    public const string TailnetFqdnAnnotation = "tailscale.com/tailnet-fqdn";

    /// <summary>The annotation that names the device a LoadBalancer Service of class tailscale becomes.</summary>
    public const string HostnameAnnotation = "tailscale.com/hostname";

    public string Area => "operator";

    public IEnumerable<string> Images => [Values.OperatorConfig.Image.Reference, Values.ProxyConfig.Image.Reference];

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("namespace", Namespace.Metadata.Name);
        json.WriteStartArray("images");
        foreach (var image in Images)
        {
            json.WriteStringValue(image);
        }

        json.WriteEndArray();
        json.WriteString("vaultEgress", $"{VaultEgress.Metadata.NamespaceProperty}/{VaultEgress.Metadata.Name} -> {VaultEgress.Metadata.Annotations[TailnetFqdnAnnotation]}");
        json.WriteString("apiServerDevice", ApiServerIngress.Metadata.Annotations[HostnameAnnotation]);
        json.WriteEndObject();
    }
}
