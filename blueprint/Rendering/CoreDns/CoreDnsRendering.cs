using System.Text.Json;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rendering.CoreDns;

/// <summary>
/// The user-managed CoreDNS: its Corefile (model and text) and its Kubernetes objects. A stack that leaves
/// CoreDNS to Talos renders neither.
/// </summary>
/// <param name="Corefile">Null when CoreDNS is not user-managed.</param>
/// <param name="Manifests">Null when CoreDNS is not user-managed.</param>
public sealed record CoreDnsRendering(CorefileDocument? Corefile, CoreDnsManifests? Manifests, IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string CorefileFile = "coredns/Corefile";
    public const string ManifestsFile = "coredns/manifests.yaml";

    public static readonly CoreDnsRendering NotUserManaged = new(null, null, []);

    public string Area => "coredns";

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteBoolean("userManaged", Manifests is not null);
        if (Corefile is not null && Manifests is not null)
        {
            json.WriteString("clusterIp", Manifests.Service.Spec.ClusterIP);
            json.WriteStartArray("zones");
            foreach (var key in Corefile.ServerBlocks.SelectMany(b => b.Keys))
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteNumber("replicas", Manifests.Deployment.Spec.Replicas ?? 1);
            json.WriteString("image", Manifests.Deployment.Spec.Template.Spec.Containers.Single().Image);
        }

        json.WriteEndObject();
    }
}
