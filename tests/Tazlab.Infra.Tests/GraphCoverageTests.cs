using Pulumi;
using Tazlab.Blueprint.Graph;
using Tazlab.Infra.Tests.Engine;

namespace Tazlab.Infra.Tests;

/// <summary>
/// The dependency graph is what the program runs: every provisioning edge A → B is a registered dependency of
/// each of B's resources on each of A's, as the resources' options show (DependsOn, read before the engine).
/// </summary>
public class GraphCoverageTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_provisioning_edge_is_a_registered_dependency(string stack)
    {
        var run = await ProgramRun.Of(stack);
        Assert.Null(run.Error);
        var deployment = run.Deployment!;
        var resources = deployment.Wiring.Resources;
        var options = run.Captured.ToDictionary(c => (object)c.Resource, c => c, ReferenceEqualityComparer.Instance);

        var missing = new List<string>();
        foreach (var edge in deployment.Plan.Context.Graph.Edges.Where(e => e.Kind == EdgeKind.Provisioning))
        {
            Assert.True(resources.ContainsKey(edge.From), $"No resource implements {edge.From}, which provisions {edge.To}.");
            Assert.True(resources.ContainsKey(edge.To), $"No resource implements {edge.To}, which {edge.From} provisions.");
            foreach (var dependant in resources[edge.To])
            {
                if (edge.From == "stack-reference" && dependant is StackReference)
                {
                    continue;
                }

                var dependsOn = await options[dependant].DependsOnAsync();
                missing.AddRange(resources[edge.From]
                    .Where(dependency => !ReferenceEquals(dependency, dependant) && !dependsOn.Contains(dependency))
                    .Select(dependency => $"{edge.From} -> {edge.To}: {dependant.GetResourceName()} does not depend on {dependency.GetResourceName()}"));
            }
        }

        Assert.Empty(missing);
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
