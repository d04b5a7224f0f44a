using Tazlab.Blueprint.Graph;

namespace Tazlab.Blueprint.Tests;

public class DependencyGraphTests
{
    [Fact]
    public void Edges_in_and_out_of_a_node_come_in_the_order_they_were_added_and_match_the_edge_list()
    {
        var graph = new DependencyGraph();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            graph.Add(new GraphNode(id, id, "test", TimeSpan.FromMinutes(1)));
        }

        graph.Connect("c", "d", EdgeKind.Provisioning, "1");
        graph.Connect("a", "d", EdgeKind.Runtime, "2");
        graph.Connect("a", "b", EdgeKind.Provisioning, "3");
        graph.Connect("b", "d", EdgeKind.SecretSource, "4");
        graph.Connect("a", "d", EdgeKind.Provisioning, "5");

        Assert.Equal(["1", "2", "4", "5"], graph.DependenciesOf("d").Select(e => e.Reason));
        Assert.Equal(["2", "3", "5"], graph.DependantsOf("a").Select(e => e.Reason));
        Assert.Empty(graph.DependenciesOf("a"));
        Assert.Empty(graph.DependantsOf("d"));
        Assert.Empty(graph.DependenciesOf("not-a-node"));
        foreach (var node in graph.Nodes)
        {
            Assert.Equal(graph.Edges.Where(e => e.To == node.Id), graph.DependenciesOf(node.Id));
            Assert.Equal(graph.Edges.Where(e => e.From == node.Id), graph.DependantsOf(node.Id));
        }
    }

    [Fact]
    public void A_node_keeps_its_place_when_its_duration_is_replaced()
    {
        var graph = new DependencyGraph();
        graph.Add(new GraphNode("a", "a", "test", TimeSpan.FromMinutes(1)));
        graph.Add(new GraphNode("b", "b", "test", TimeSpan.FromMinutes(1)));

        graph.SetDuration("b", TimeSpan.FromMinutes(7));

        Assert.Equal([0, 1], new[] { graph.IndexOf("a"), graph.IndexOf("b") });
        Assert.Equal(TimeSpan.FromMinutes(7), graph["b"].Duration);
        Assert.Equal(TimeSpan.FromMinutes(7), graph.Nodes[1].Duration);
    }

    [Fact]
    public void Resource_predecessors_pass_through_observed_states_and_skip_configuration()
    {
        var graph = new DependencyGraph();
        graph.Add(new GraphNode("secrets", "secrets", "test", TimeSpan.Zero, NodeRealisation.Configuration));
        graph.Add(new GraphNode("server", "server", "test", TimeSpan.Zero));
        graph.Add(new GraphNode("policy", "policy", "test", TimeSpan.Zero));
        graph.Add(new GraphNode("reachable", "reachable", "test", TimeSpan.Zero, NodeRealisation.Observed));
        graph.Add(new GraphNode("proxy", "proxy", "test", TimeSpan.Zero));
        graph.Add(new GraphNode("store", "store", "test", TimeSpan.Zero));
        graph.Connect("secrets", "server", EdgeKind.SecretSource, "1");
        graph.Connect("server", "reachable", EdgeKind.Runtime, "2");
        graph.Connect("policy", "reachable", EdgeKind.Runtime, "3");
        graph.Connect("reachable", "proxy", EdgeKind.Runtime, "4");
        graph.Connect("secrets", "store", EdgeKind.SecretSource, "5");
        graph.Connect("proxy", "store", EdgeKind.Provisioning, "6");
        graph.Connect("server", "store", EdgeKind.SecretSource, "7");

        Assert.Equal(["server", "policy"], graph.ResourcePredecessorsOf("proxy"));
        Assert.Equal(["proxy", "server"], graph.ResourcePredecessorsOf("store"));
        Assert.Empty(graph.ResourcePredecessorsOf("server"));
        Assert.Empty(graph.ResourcePredecessorsOf("policy"));
    }
}
