namespace Tazlab.ClusterApi.Health;

/// <summary>Looks at the cluster once.</summary>
public interface IClusterProbe
{
    Task<ClusterHealth> ProbeAsync(IReadOnlyList<string> expectedNodes, CancellationToken cancellationToken);
}
