namespace Tazlab.Blueprint.Graph;

/// <summary>The platform's parts and the orders between them, in a fixed (insertion) order so every output is deterministic.</summary>
public sealed class DependencyGraph
{
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphEdge> _edges = [];

    // Each node's edges in and out, in the order they were added: analysis asks for them once per node, and a scan
    // of every edge per node grew with the square of the estate.
    private readonly Dictionary<string, List<GraphEdge>> _into = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GraphEdge>> _outOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal); // where each node is in _nodes

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    public IReadOnlyList<GraphEdge> Edges => _edges;

    public GraphNode this[string id] => _nodes[_indexOf[id]];

    public bool Contains(string id) => _indexOf.ContainsKey(id);

    public void Add(GraphNode node)
    {
        if (!_indexOf.TryAdd(node.Id, _nodes.Count))
        {
            throw new InvalidOperationException($"Node '{node.Id}' is added twice.");
        }

        _nodes.Add(node);
        _into[node.Id] = [];
        _outOf[node.Id] = [];
    }

    /// <summary>Adds "<paramref name="from"/> before <paramref name="to"/>"; both nodes must exist.</summary>
    public void Connect(string from, string to, EdgeKind kind, string reason, string? breakHint = null)
    {
        if (!_indexOf.ContainsKey(from) || !_indexOf.ContainsKey(to))
        {
            throw new InvalidOperationException($"Edge {from} -> {to} names a node that is not in the graph.");
        }

        var edge = new GraphEdge(from, to, kind, reason, breakHint);
        _edges.Add(edge);
        _outOf[from].Add(edge);
        _into[to].Add(edge);
    }

    /// <summary>The edges into a node: what it depends on.</summary>
    public IEnumerable<GraphEdge> DependenciesOf(string id) => _into.TryGetValue(id, out var edges) ? edges : [];

    /// <summary>The edges out of a node: what depends on it.</summary>
    public IEnumerable<GraphEdge> DependantsOf(string id) => _outOf.TryGetValue(id, out var edges) ? edges : [];

    /// <summary>
    /// The nodes whose resources must exist before <paramref name="id"/>'s are created: every predecessor, of any
    /// kind of edge, that the program realises as resources, reached through the observed states in between (an
    /// order into "Vault reachable" is an order into what makes Vault reachable). Configuration needs no order.
    /// Each node once, in the order first reached.
    /// </summary>
    public IReadOnlyList<string> ResourcePredecessorsOf(string id)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var pending = new Stack<string>(DependenciesOf(id).Select(e => e.From).Reverse());
        while (pending.Count > 0)
        {
            var from = pending.Pop();
            if (!seen.Add(from))
            {
                continue;
            }

            switch (this[from].Realisation)
            {
                case NodeRealisation.Resources:
                    found.Add(from);
                    break;
                case NodeRealisation.Observed:
                    foreach (var edge in DependenciesOf(from).Reverse())
                    {
                        pending.Push(edge.From);
                    }

                    break;
                default:
                    break;
            }
        }

        return found;
    }

    /// <summary>Where <paramref name="id"/> was added: the order ties are broken in.</summary>
    public int IndexOf(string id) => _indexOf[id];

    /// <summary>Replaces a node's duration estimate (configuration overrides).</summary>
    public void SetDuration(string id, TimeSpan duration)
    {
        var index = _indexOf[id];
        var node = _nodes[index] with { Duration = duration };
        _nodes[index] = node;
    }
}
