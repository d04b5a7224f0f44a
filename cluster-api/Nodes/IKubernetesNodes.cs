namespace Tazlab.ClusterApi.Nodes;

/// <summary>The cluster's Node objects: what a retired node leaves behind in the API server.</summary>
public interface IKubernetesNodes
{
    /// <summary>Deletes the Node object; one already gone is success. Returns the problem, or null.</summary>
    Task<string?> DeleteAsync(string name, CancellationToken cancellationToken);
}
