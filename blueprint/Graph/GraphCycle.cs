namespace Tazlab.Blueprint.Graph;

/// <summary>A cycle: its nodes in order (the first follows the last), and the edges that close it.</summary>
public sealed record GraphCycle(IReadOnlyList<string> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>"a → b → c → a".</summary>
    public string Path => string.Join(" → ", Nodes.Append(Nodes[0]));

    /// <summary>How to break it: the configuration choice on the cycle, if there is one.</summary>
    public string Remedy => Edges.Select(e => e.BreakHint).FirstOrDefault(h => h is not null)
        ?? "remove one of these dependencies, e.g. create a secret on the cycle from stack secrets instead of fetching it";
}
