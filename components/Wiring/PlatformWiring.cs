using Pulumi;
using Tazlab.Blueprint.Graph;

namespace Tazlab.Components.Wiring;

/// <summary>
/// The dependency graph made real. Each component registers the resources that implement a graph node, and a
/// resource created for a node depends (<c>DependsOn</c>) on the resources of every node the graph orders before it,
/// through edges of every kind: a provisioning edge (must exist first), a runtime edge (must be running first: the
/// operator needs cluster DNS, so its release waits for CoreDNS) and a secret-source edge alike. A node that is a
/// state reached rather than a resource ("Vault reachable") passes the order on to what is behind it; configuration
/// needs none (<see cref="DependencyGraph.ResourcePredecessorsOf"/>). The dependencies are explicit even where an
/// output already carries the order, so the order survives a refactoring that stops passing that output.
/// </summary>
public sealed class PlatformWiring(DependencyGraph graph)
{
    private readonly Dictionary<string, List<Resource>> _resources = new(StringComparer.Ordinal);

    public DependencyGraph Graph => graph;

    /// <summary>Graph node id → the resources registered for it, in registration order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Resource>> Resources =>
        _resources.ToDictionary(p => p.Key, p => (IReadOnlyList<Resource>)p.Value, StringComparer.Ordinal);

    /// <summary>Records that <paramref name="resource"/> implements (part of) the graph node <paramref name="nodeId"/>.</summary>
    public T Register<T>(string nodeId, T resource)
        where T : Resource
    {
        if (!graph.Contains(nodeId))
        {
            throw new InvalidOperationException($"'{nodeId}' is not a node of this stack's dependency graph.");
        }

        if (!_resources.TryGetValue(nodeId, out var list))
        {
            _resources[nodeId] = list = [];
        }

        list.Add(resource);
        return resource;
    }

    /// <summary>
    /// The resources of every node that must come before <paramref name="nodeId"/>. Each such node must have its
    /// resources by now: the program creates the parts in the graph's order, and a node created too early is a
    /// wiring mistake reported here rather than a missing dependency found in production.
    /// </summary>
    /// <param name="alsoAfter">Resources of the same component this one must also follow (e.g. the namespace a Secret lives in).</param>
    public InputList<Resource> DependenciesOf(string nodeId, params Resource[] alsoAfter)
    {
        var dependencies = new InputList<Resource>();
        foreach (var resource in alsoAfter)
        {
            dependencies.Add(resource);
        }

        foreach (var predecessor in graph.ResourcePredecessorsOf(nodeId))
        {
            if (!_resources.TryGetValue(predecessor, out var list) || list.Count == 0)
            {
                var edge = graph.DependenciesOf(nodeId).FirstOrDefault(e => e.From == predecessor);
                throw new InvalidOperationException($"'{nodeId}' is being created before '{predecessor}', which the dependency graph orders first{(edge is null ? string.Empty : $" ({edge.Reason})")}.");
            }

            foreach (var resource in list)
            {
                dependencies.Add(resource);
            }
        }

        return dependencies;
    }

    /// <summary>Options for a child of <paramref name="parent"/> that implements <paramref name="nodeId"/>.</summary>
    public CustomResourceOptions Options(Resource parent, string nodeId) => new()
    {
        Parent = parent,
        DependsOn = DependenciesOf(nodeId),
    };
}
