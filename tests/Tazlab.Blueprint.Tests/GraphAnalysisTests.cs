using Tazlab.Blueprint.Graph;

namespace Tazlab.Blueprint.Tests;

public class GraphAnalysisTests
{
    private static DependencyGraph Graph(params (string Id, int Minutes)[] nodes)
    {
        var graph = new DependencyGraph();
        foreach (var (id, minutes) in nodes)
        {
            graph.Add(new GraphNode(id, id, "test", TimeSpan.FromMinutes(minutes)));
        }

        return graph;
    }

    [Fact]
    public void Phases_and_critical_path_match_a_hand_computed_graph()
    {
        //   a(2) ──> c(5) ──> e(1)
        //   b(4) ──> d(1) ──┘
        //   b ───────> c
        var graph = Graph(("a", 2), ("b", 4), ("c", 5), ("d", 1), ("e", 1));
        graph.Connect("a", "c", EdgeKind.Provisioning, "t");
        graph.Connect("b", "c", EdgeKind.Runtime, "t");
        graph.Connect("b", "d", EdgeKind.Provisioning, "t");
        graph.Connect("c", "e", EdgeKind.SecretSource, "t");
        graph.Connect("d", "e", EdgeKind.Provisioning, "t");

        var analysis = GraphAnalysis.Of(graph);

        Assert.True(analysis.IsAcyclic);
        Assert.Equal([["a", "b"], ["c", "d"], ["e"]], analysis.Phases.Select(p => p.ToArray()).ToArray());
        // b(4) + c(5) + e(1) = 10 beats a(2) + c(5) + e(1) = 8 and b(4) + d(1) + e(1) = 6.
        Assert.Equal(["b", "c", "e"], analysis.CriticalPath);
        Assert.Equal(TimeSpan.FromMinutes(10), analysis.CriticalDuration);
        Assert.Equal(TimeSpan.FromMinutes(13), analysis.SerialDuration);
    }

    [Fact]
    public void Cycle_is_named_node_by_node_in_order()
    {
        var graph = Graph(("x", 1), ("a", 1), ("b", 1), ("c", 1));
        graph.Connect("x", "a", EdgeKind.Provisioning, "t");
        graph.Connect("a", "b", EdgeKind.Provisioning, "t");
        graph.Connect("b", "c", EdgeKind.Runtime, "t");
        graph.Connect("c", "a", EdgeKind.SecretSource, "t", "do the thing");

        var analysis = GraphAnalysis.Of(graph);

        var cycle = Assert.Single(analysis.Cycles);
        Assert.Equal(["a", "b", "c"], cycle.Nodes);
        Assert.Equal("a → b → c → a", cycle.Path);
        Assert.Equal("do the thing", cycle.Remedy);
        Assert.Empty(analysis.Phases);
    }

    [Fact]
    public void Self_loop_and_separate_cycles_are_each_reported()
    {
        var graph = Graph(("a", 1), ("b", 1), ("c", 1), ("d", 1));
        graph.Connect("a", "a", EdgeKind.Runtime, "t");
        graph.Connect("b", "c", EdgeKind.Runtime, "t");
        graph.Connect("c", "b", EdgeKind.Runtime, "t");

        var analysis = GraphAnalysis.Of(graph);

        Assert.Equal(["a → a", "b → c → b"], analysis.Cycles.Select(c => c.Path));
        Assert.All(analysis.Cycles, c => Assert.StartsWith("remove one of these dependencies", c.Remedy, StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_graph_has_no_phases_and_no_path()
    {
        var analysis = GraphAnalysis.Of(new DependencyGraph());

        Assert.True(analysis.IsAcyclic);
        Assert.Empty(analysis.Phases);
        Assert.Empty(analysis.CriticalPath);
    }
}
