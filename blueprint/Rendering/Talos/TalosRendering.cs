using System.Text.Json;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// The Talos machine-configuration patches (strategic merge, as given to <c>talosctl gen config --config-patch</c>
/// or the Talos provider's <c>configPatches</c>), the Image Factory schematic, and every field the patches set with
/// whether a live cluster can take a change to it.
/// </summary>
/// <param name="ControlPlanePatch">Applied to every control-plane node: the API server and cluster-wide settings.</param>
/// <param name="WorkerPatch">Applied to every worker.</param>
/// <param name="NodePatches">One per node, applied after its role's patch: hostname, address, install image, Tailscale extension.</param>
/// <param name="SchematicId">The schematic's id as Image Factory computes it (Pulumi's ImageFactory.Schematic returns the authoritative one).</param>
/// <param name="Cluster">The versions and nodes, for the next plan's upgrade waves (<c>plan --previous</c>).</param>
public sealed record TalosRendering(
    RenderedFile ControlPlanePatch,
    RenderedFile WorkerPatch,
    IReadOnlyList<RenderedFile> NodePatches,
    RenderedFile Schematic,
    string SchematicId,
    IReadOnlyList<TalosField> Fields,
    Lifecycle.ClusterFacts Cluster) : IAreaRendering
{
    public const string ControlPlaneFile = "talos/controlplane.yaml";
    public const string WorkerFile = "talos/worker.yaml";
    public const string SchematicFile = "talos/schematic.yaml";

    public string Area => "talos";

    /// <summary>Every machine-configuration patch (not the schematic).</summary>
    public IReadOnlyList<RenderedFile> Patches => [ControlPlanePatch, WorkerPatch, .. NodePatches];

    public IReadOnlyList<RenderedFile> Files => [.. Patches, Schematic];

    public static string NodeFile(string nodeName) => $"talos/nodes/{nodeName}.yaml";

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("fields");
        foreach (var field in Fields)
        {
            json.WriteStartObject();
            json.WriteString("path", field.Path);
            json.WriteString("class", field.ClassName);
            json.WriteString("value", field.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("schematicId", SchematicId);
        Cluster.Write(json);
        json.WriteEndObject();
    }
}
