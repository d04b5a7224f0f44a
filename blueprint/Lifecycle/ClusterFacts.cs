using System.Text.Json;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// The cluster's versions and nodes as a plan records them (<c>renderings.talos.cluster</c> in plan.json): comparing
/// the plan applied before with this one gives the upgrade waves, and the nodes added and removed.
/// </summary>
public sealed record ClusterFacts(string TalosVersion, string KubernetesVersion, string Contract, string SchematicId, IReadOnlyList<NodeFact> Nodes)
{
    public const string JsonProperty = "cluster";

    public static ClusterFacts From(StackConfig config, string schematicId) => new(
        config.Talos.TalosVersion,
        config.Talos.KubernetesVersion,
        config.Talos.MachineConfigContract,
        schematicId,
        [.. config.Talos.Nodes.Select(n => new NodeFact(n.Name, n.Role, n.Ip.ToString()))]);

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject(JsonProperty);
        json.WriteString("talosVersion", TalosVersion);
        json.WriteString("kubernetesVersion", KubernetesVersion);
        json.WriteString("contract", Contract);
        json.WriteString("schematicId", SchematicId);
        json.WriteStartArray("nodes");
        foreach (var node in Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("role", node.Role == NodeRole.ControlPlane ? "controlplane" : "worker");
            json.WriteString("ip", node.Ip);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Reads <c>renderings.talos.cluster</c>; null with no problem when a plan written before upgrades were planned has
    /// none, null with a problem when it is there but malformed.
    /// </summary>
    public static ClusterFacts? Read(JsonElement talos, out string? problem)
    {
        problem = null;
        if (!talos.TryGetProperty(JsonProperty, out var cluster))
        {
            return null;
        }

        const string Expected = "renderings.talos.cluster is not {talosVersion, kubernetesVersion, contract, schematicId, nodes: [{name, role, ip}]}";
        if (cluster.ValueKind != JsonValueKind.Object
            || Text(cluster, "talosVersion") is not { } talosVersion || Text(cluster, "kubernetesVersion") is not { } kubernetesVersion
            || Text(cluster, "contract") is not { } contract || Text(cluster, "schematicId") is not { } schematicId
            || !cluster.TryGetProperty("nodes", out var nodesElement) || nodesElement.ValueKind != JsonValueKind.Array)
        {
            problem = Expected;
            return null;
        }

        var nodes = new List<NodeFact>();
        foreach (var item in nodesElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Text(item, "name") is not { } name || Text(item, "ip") is not { } ip
                || Text(item, "role") is not ("controlplane" or "worker") || nodes.Exists(n => n.Name == name))
            {
                problem = Expected;
                return null;
            }

            nodes.Add(new NodeFact(name, Text(item, "role") == "controlplane" ? NodeRole.ControlPlane : NodeRole.Worker, ip));
        }

        return new ClusterFacts(talosVersion, kubernetesVersion, contract, schematicId, nodes);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
