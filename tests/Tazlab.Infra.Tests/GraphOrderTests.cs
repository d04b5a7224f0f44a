using Pulumi;
using Tazlab.Blueprint.Graph;
using Tazlab.Infra.Tests.Engine;

namespace Tazlab.Infra.Tests;

/// <summary>
/// The program orders nothing the dependency graph does not, so the graph's critical path is the bring-up's at the
/// grain of its nodes: every resource a resource of node B waits for (its DependsOn, the resources behind its inputs,
/// its provider, those its registration names by URN) belongs to B or to a node the graph orders before B. A resource
/// of no node passes on what it waits for.
/// </summary>
public class GraphOrderTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_dependency_of_a_nodes_resource_comes_from_that_node_or_one_the_graph_orders_first(string stack)
    {
        var run = await ProgramRun.Of(stack);
        Assert.Null(run.Error);
        var graph = run.Deployment!.Plan.Context.Graph;
        var order = await DependencyOrder.ReadAsync(run);

        var outside = new List<string>();
        foreach (var (node, resources) in run.Deployment.Wiring.Resources)
        {
            foreach (var resource in resources)
            {
                foreach (var (dependency, how) in order.Of(resource).All())
                {
                    // A resource that implements several nodes (a referencing stack's stack reference stands for the
                    // owner's KV mount too) is done when any of them is: one of them ordered first is enough.
                    foreach (var (nodes, through) in order.NodesBehind(dependency))
                    {
                        if (!nodes.Any(from => from == node || Reaches(graph, from, node)))
                        {
                            outside.Add($"{node}: {Describe(resource)} waits for {Describe(dependency)} ({how}){through} of {string.Join(" or ", nodes)}, which the graph does not order before {node}");
                        }
                    }
                }
            }
        }

        Assert.True(outside.Count == 0, string.Join("\n", outside.Distinct()));
    }

    [Fact]
    public async Task The_dependencies_read_include_inputs_and_providers_so_the_check_above_sees_them()
    {
        // A reading that found only DependsOn would pass the check above without looking at the rest.
        var run = await ProgramRun.Of("prod");
        var order = await DependencyOrder.ReadAsync(run);

        var kubeconfig = Assert.Single(run.Deployment!.Wiring.Resources["kubeconfig"]);
        var provider = run.Single(ResourceTypes.KubernetesProvider, "cluster");
        Assert.Contains(kubeconfig, order.Of(provider.Resource).Inputs);
        var coredns = run.Single(ResourceTypes.ConfigGroup, "coredns").Resource;
        Assert.Same(provider.Resource, order.Of(coredns).Provider);
        // A remote component (the ConfigGroup, built by its provider) is waited for as itself, not dropped for having
        // no children here.
        Assert.Contains(coredns, order.Of(run.Single(ResourceTypes.Release, "operator").Resource).Explicit);
        // The URNs a registration names are waits too: each node's key is replaced with its VM.
        var key = run.OfType(ResourceTypes.TailnetKey).First(k => k.Name.StartsWith("talos-", StringComparison.Ordinal));
        Assert.Contains(run.Single(ResourceTypes.Vm, key.Name["talos-".Length..]).Resource, order.Of(key.Resource).Named);
    }

    private static bool Reaches(DependencyGraph graph, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([to]);
        while (pending.TryPop(out var id))
        {
            foreach (var edge in graph.DependenciesOf(id))
            {
                if (edge.From == from)
                {
                    return true;
                }

                if (seen.Add(edge.From))
                {
                    pending.Push(edge.From);
                }
            }
        }

        return false;
    }

    private static string Describe(Resource resource) => $"{resource.GetResourceType()} '{resource.GetResourceName()}'";

    /// <summary>Every captured resource's dependencies, and for each resource the graph nodes it stands for or passes on.</summary>
    private sealed class DependencyOrder
    {
        private readonly Dictionary<Resource, SentDependencies.Dependencies> _dependencies;
        private readonly Dictionary<Resource, List<string>> _nodesOf;
        private readonly Dictionary<Resource, IReadOnlyList<(IReadOnlyList<string> Nodes, string Through)>> _behind = new(ReferenceEqualityComparer.Instance);

        private DependencyOrder(Dictionary<Resource, SentDependencies.Dependencies> dependencies, Dictionary<Resource, List<string>> nodesOf)
        {
            _dependencies = dependencies;
            _nodesOf = nodesOf;
        }

        public static async Task<DependencyOrder> ReadAsync(ProgramRun run)
        {
            var dependencies = new Dictionary<Resource, SentDependencies.Dependencies>(ReferenceEqualityComparer.Instance);
            foreach (var captured in run.Captured)
            {
                dependencies[captured.Resource] = await SentDependencies.OfAsync(captured);
            }

            var nodesOf = new Dictionary<Resource, List<string>>(ReferenceEqualityComparer.Instance);
            foreach (var (node, resources) in run.Deployment!.Wiring.Resources)
            {
                foreach (var resource in resources)
                {
                    if (!nodesOf.TryGetValue(resource, out var nodes))
                    {
                        nodesOf[resource] = nodes = [];
                    }

                    nodes.Add(node);
                }
            }

            return new DependencyOrder(dependencies, nodesOf);
        }

        public SentDependencies.Dependencies Of(Resource resource) =>
            _dependencies.TryGetValue(resource, out var found) ? found : throw new InvalidOperationException($"{Describe(resource)} was not captured.");

        /// <summary>
        /// What waiting for <paramref name="resource"/> means in nodes: one of its own nodes, or, for a resource of no
        /// node, one of the nodes of each thing it waits for in turn.
        /// </summary>
        public IReadOnlyList<(IReadOnlyList<string> Nodes, string Through)> NodesBehind(Resource resource) => NodesBehind(resource, new HashSet<Resource>(ReferenceEqualityComparer.Instance));

        private IReadOnlyList<(IReadOnlyList<string> Nodes, string Through)> NodesBehind(Resource resource, HashSet<Resource> visiting)
        {
            if (_nodesOf.TryGetValue(resource, out var nodes))
            {
                return [(nodes, string.Empty)];
            }

            if (_behind.TryGetValue(resource, out var known))
            {
                return known;
            }

            if (!visiting.Add(resource))
            {
                return [];
            }

            var result = Of(resource).All()
                .SelectMany(d => NodesBehind(d.Resource, visiting).Select(n => (n.Nodes, $", through {Describe(d.Resource)}{n.Through}")))
                .DistinctBy(n => string.Join(',', n.Nodes))
                .ToList();
            visiting.Remove(resource);
            _behind[resource] = result;
            return result;
        }
    }
}
