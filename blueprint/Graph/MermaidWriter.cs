using System.Text;

namespace Tazlab.Blueprint.Graph;

/// <summary>
/// Draws the graph as a Mermaid flowchart: one subgraph per phase, provisioning edges solid, runtime edges
/// dotted, secret-source edges thick. A cyclic graph is drawn without phases.
/// </summary>
public static class MermaidWriter
{
    public static string Write(DependencyGraph graph, GraphAnalysis analysis)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        if (analysis.IsAcyclic)
        {
            for (var p = 0; p < analysis.Phases.Count; p++)
            {
                text.Append("  subgraph phase").Append(p + 1).Append("[\"Phase ").Append(p + 1).Append("\"]\n");
                foreach (var id in analysis.Phases[p])
                {
                    text.Append("    ").Append(NodeLine(graph[id])).Append('\n');
                }

                text.Append("  end\n");
            }
        }
        else
        {
            foreach (var node in graph.Nodes)
            {
                text.Append("  ").Append(NodeLine(node)).Append('\n');
            }
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(Id(edge.From)).Append(' ').Append(Arrow(edge.Kind)).Append(' ').Append(Id(edge.To)).Append('\n');
        }

        text.Append("  %% Edges: --> provisioning, -.-> runtime, ==> secret source\n");
        return text.ToString();
    }

    private static string NodeLine(GraphNode node) => $"{Id(node.Id)}[\"{Escape(node.Label)}\"]";

    private static string Arrow(EdgeKind kind) => kind switch
    {
        EdgeKind.Provisioning => "-->",
        EdgeKind.Runtime => "-.->",
        _ => "==>",
    };

    /// <summary>Mermaid ids cannot hold ':' or '-' reliably; map them to '_'.</summary>
    private static string Id(string id)
    {
        var chars = id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        return "n_" + new string(chars);
    }

    private static string Escape(string label) => label.Replace("\"", "#quot;", StringComparison.Ordinal);
}
