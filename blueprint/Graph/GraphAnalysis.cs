namespace Tazlab.Blueprint.Graph;

/// <summary>What the graph says about bringing the platform up: cycles, or else phases and the critical path.</summary>
/// <param name="Cycles">Every elementary cycle found (one per strongly connected group); empty when the graph is acyclic.</param>
/// <param name="Phases">Topological layers: every node's dependencies are in earlier phases. Empty when there is a cycle.</param>
/// <param name="CriticalPath">The chain of nodes whose durations add up to the longest time, first to last.</param>
/// <param name="CriticalDuration">Its total: the least time a bring-up can take.</param>
/// <param name="SerialDuration">All durations added up, as if every part were done one after another.</param>
public sealed record GraphAnalysis(
    IReadOnlyList<GraphCycle> Cycles,
    IReadOnlyList<IReadOnlyList<string>> Phases,
    IReadOnlyList<string> CriticalPath,
    TimeSpan CriticalDuration,
    TimeSpan SerialDuration)
{
    public bool IsAcyclic => Cycles.Count == 0;

    public static GraphAnalysis Of(DependencyGraph graph)
    {
        var serial = graph.Nodes.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.Duration);
        var cycles = FindCycles(graph);
        if (cycles.Count > 0)
        {
            return new GraphAnalysis(cycles, [], [], TimeSpan.Zero, serial);
        }

        var order = TopologicalOrder(graph);
        var phase = new Dictionary<string, int>(StringComparer.Ordinal);
        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in order)
        {
            var dependencies = graph.DependenciesOf(id).Select(e => e.From).Distinct().ToList();
            phase[id] = dependencies.Count == 0 ? 0 : dependencies.Max(d => phase[d]) + 1;

            // The latest-finishing dependency is on the critical path; ties go to the earlier node, for determinism.
            string? latest = null;
            foreach (var d in dependencies.OrderBy(graph.IndexOf))
            {
                if (latest is null || finish[d] > finish[latest])
                {
                    latest = d;
                }
            }

            previous[id] = latest;
            finish[id] = (latest is null ? TimeSpan.Zero : finish[latest]) + graph[id].Duration;
        }

        var phases = order
            .GroupBy(id => phase[id])
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.OrderBy(graph.IndexOf).ToList())
            .ToList();

        var path = new List<string>();
        if (order.Count > 0)
        {
            var end = order.OrderByDescending(id => finish[id]).ThenBy(graph.IndexOf).First();
            for (string? id = end; id is not null; id = previous[id])
            {
                path.Insert(0, id);
            }

            return new GraphAnalysis([], phases, path, finish[end], serial);
        }

        return new GraphAnalysis([], phases, path, TimeSpan.Zero, serial);
    }

    /// <summary>Kahn's algorithm, always taking the earliest-inserted ready node, so the order is stable.</summary>
    private static List<string> TopologicalOrder(DependencyGraph graph)
    {
        var remaining = graph.Nodes.ToDictionary(n => n.Id, n => graph.DependenciesOf(n.Id).Select(e => e.From).Distinct().Count(), StringComparer.Ordinal);
        var order = new List<string>();
        var ready = new SortedSet<int>(graph.Nodes.Select((n, i) => (n, i)).Where(x => remaining[x.n.Id] == 0).Select(x => x.i));
        while (ready.Count > 0)
        {
            var index = ready.Min;
            ready.Remove(index);
            var id = graph.Nodes[index].Id;
            order.Add(id);
            foreach (var dependant in graph.DependantsOf(id).Select(e => e.To).Distinct())
            {
                if (--remaining[dependant] == 0)
                {
                    ready.Add(graph.IndexOf(dependant));
                }
            }
        }

        return order;
    }

    /// <summary>
    /// One cycle per strongly connected component of more than one node (or a self-loop), found with
    /// Tarjan's algorithm and walked from the component's earliest node so the report is stable.
    /// </summary>
    private static List<GraphCycle> FindCycles(DependencyGraph graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Connect(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.DependantsOf(v).Select(e => e.To))
            {
                if (!indices.TryGetValue(w, out var wIndex))
                {
                    Connect(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == indices[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }

        foreach (var node in graph.Nodes.Where(n => !indices.ContainsKey(n.Id)))
        {
            Connect(node.Id);
        }

        var cycles = new List<GraphCycle>();
        foreach (var component in components)
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var start = component.OrderBy(graph.IndexOf).First();
            if (component.Count == 1 && !graph.DependantsOf(start).Any(e => e.To == start))
            {
                continue;
            }

            cycles.Add(WalkCycle(graph, start, members));
        }

        return cycles.OrderBy(c => graph.IndexOf(c.Nodes[0])).ToList();
    }

    /// <summary>Breadth-first from <paramref name="start"/> back to itself inside the component: the shortest cycle through it.</summary>
    private static GraphCycle WalkCycle(DependencyGraph graph, string start, HashSet<string> members)
    {
        var cameBy = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var edge in graph.DependantsOf(v).Where(e => members.Contains(e.To)).OrderBy(e => graph.IndexOf(e.To)))
            {
                if (edge.To == start)
                {
                    var edges = new List<GraphEdge> { edge };
                    for (var at = v; at != start; at = cameBy[at].From)
                    {
                        edges.Insert(0, cameBy[at]);
                    }

                    return new GraphCycle(edges.Select(e => e.From).ToList(), edges);
                }

                if (!cameBy.ContainsKey(edge.To))
                {
                    cameBy[edge.To] = edge;
                    queue.Enqueue(edge.To);
                }
            }
        }

        throw new InvalidOperationException($"No cycle through {start} inside its component.");
    }
}
