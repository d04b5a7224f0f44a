namespace Tazlab.ClusterApi.Health;

/// <summary>What one look at the cluster found.</summary>
/// <param name="ApiServer">Null when the API server answered ready; else why not (unreachable, not ready, refused).</param>
/// <param name="NotRegistered">Expected nodes the API server does not know yet.</param>
/// <param name="NotReady">Registered nodes whose Ready condition is not True, with the reason the kubelet gives.</param>
public sealed record ClusterHealth(string? ApiServer, IReadOnlyList<string> NotRegistered, IReadOnlyList<string> NotReady)
{
    public bool IsHealthy => ApiServer is null && NotRegistered.Count == 0 && NotReady.Count == 0;

    /// <summary>One line for people: what is still missing.</summary>
    public string Describe()
    {
        if (ApiServer is not null)
        {
            return $"API server: {ApiServer}";
        }

        var parts = new List<string>();
        if (NotRegistered.Count > 0)
        {
            parts.Add($"not registered: {string.Join(", ", NotRegistered)}");
        }

        if (NotReady.Count > 0)
        {
            parts.Add($"not Ready: {string.Join(", ", NotReady)}");
        }

        return parts.Count == 0 ? "API server ready, every node Ready" : string.Join("; ", parts);
    }
}
