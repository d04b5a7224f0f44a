using System.Text.Json;

namespace Tazlab.Blueprint.Graph;

/// <summary>The graph as JSON: nodes with phase and duration, edges with kind and reason. Stable order, no timestamps.</summary>
public static class GraphJsonWriter
{
    public static void Write(Utf8JsonWriter json, DependencyGraph graph, GraphAnalysis analysis)
    {
        var phaseOf = analysis.Phases
            .SelectMany((nodes, p) => nodes.Select(id => (id, p)))
            .ToDictionary(x => x.id, x => x.p + 1, StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteBoolean("acyclic", analysis.IsAcyclic);
        json.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("label", node.Label);
            json.WriteString("area", node.Area);
            json.WriteString("realisation", RealisationName(node.Realisation));
            json.WriteNumber("durationSeconds", (long)node.Duration.TotalSeconds);
            if (phaseOf.TryGetValue(node.Id, out var phase))
            {
                json.WriteNumber("phase", phase);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteString("from", edge.From);
            json.WriteString("to", edge.To);
            json.WriteString("kind", KindName(edge.Kind));
            json.WriteString("reason", edge.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string RealisationName(NodeRealisation realisation) => realisation switch
    {
        NodeRealisation.Resources => "resources",
        NodeRealisation.Observed => "observed",
        NodeRealisation.Configuration => "configuration",
        _ => throw new ArgumentOutOfRangeException(nameof(realisation), realisation, "a realisation the graph's JSON has no name for"),
    };

    public static string KindName(EdgeKind kind) => kind switch
    {
        EdgeKind.Provisioning => "provisioning",
        EdgeKind.Runtime => "runtime",
        _ => "secret-source",
    };
}
