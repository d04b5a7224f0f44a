using Pulumi;
using Tazlab.Blueprint.Graph;
using Tazlab.Infra.Tests.Engine;

namespace Tazlab.Infra.Tests;

/// <summary>
/// The dependency graph is what the program runs: every edge A → B, of every kind, is a registered dependency of each
/// of B's resources on each of A's, through the states in between that are no resource ("Vault reachable"), as the
/// resources' options show (DependsOn, read before the engine). Configuration is the only node nothing waits for.
/// </summary>
public class GraphCoverageTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_edge_of_every_kind_is_a_registered_dependency(string stack)
    {
        var run = await ProgramRun.Of(stack);
        Assert.Null(run.Error);
        var deployment = run.Deployment!;
        var graph = deployment.Plan.Context.Graph;
        var resources = deployment.Wiring.Resources;
        var options = run.Captured.ToDictionary(c => (object)c.Resource, c => c, ReferenceEqualityComparer.Instance);

        var missing = new List<string>();
        foreach (var node in graph.Nodes)
        {
            if (node.Realisation != NodeRealisation.Resources)
            {
                Assert.False(resources.ContainsKey(node.Id), $"{node.Id} is {node.Realisation}, yet resources implement it.");
                continue;
            }

            Assert.True(resources.ContainsKey(node.Id), $"No resource implements {node.Id}.");
            foreach (var predecessor in graph.ResourcePredecessorsOf(node.Id))
            {
                foreach (var dependant in resources[node.Id])
                {
                    if (predecessor == "stack-reference" && dependant is StackReference)
                    {
                        continue;
                    }

                    var dependsOn = await options[dependant].DependsOnAsync();
                    missing.AddRange(resources[predecessor]
                        .Where(dependency => !ReferenceEquals(dependency, dependant) && !dependsOn.Contains(dependency))
                        .Select(dependency => $"{predecessor} -> {node.Id}: {dependant.GetResourceName()} does not depend on {dependency.GetResourceName()}"));
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_operators_release_waits_for_coredns_which_it_needs_to_run()
    {
        var run = await ProgramRun.Of("prod");

        var coredns = run.Single(ResourceTypes.ConfigGroup, "coredns").Resource;
        Assert.Contains(coredns, await run.Single(ResourceTypes.Release, "operator").DependsOnAsync());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_resource_a_graph_node_names_was_registered_with_the_engine(string stack)
    {
        var run = await ProgramRun.Of(stack);

        var registered = run.Mocks.Registered.Select(r => (r.Type, r.Name)).ToHashSet();
        foreach (var (node, resources) in run.Deployment!.Wiring.Resources)
        {
            Assert.All(resources, r => Assert.Contains((r.GetResourceType(), r.GetResourceName()), registered));
            Assert.True(run.Deployment.Plan.Context.Graph.Contains(node));
        }
    }

    [Fact]
    public async Task The_vault_server_and_the_operator_follow_the_device_cleanup_so_destroy_removes_them_first()
    {
        var run = await ProgramRun.Of("prod");

        var prune = Assert.Single(run.Deployment!.Wiring.Resources["device-cleanup"]);
        var server = run.Single(ResourceTypes.Server, "server");
        var release = run.Single(ResourceTypes.Release, "operator");
        Assert.Contains(prune, await server.DependsOnAsync());
        Assert.Contains(prune, await release.DependsOnAsync());
    }
}
