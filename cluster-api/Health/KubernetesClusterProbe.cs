using System.Net;
using k8s;
using k8s.Autorest;

namespace Tazlab.ClusterApi.Health;

/// <summary>
/// The cluster as its API server reports it: <c>/readyz</c> (every check of the API server, etcd included), then
/// every expected node registered with a Ready condition of True. Any failure to reach or read the API server is an
/// answer ("not reachable: …"), never an exception: a cluster coming up is unreachable for a while.
/// </summary>
public sealed class KubernetesClusterProbe(Kubernetes client) : IClusterProbe
{
    public async Task<ClusterHealth> ProbeAsync(IReadOnlyList<string> expectedNodes, CancellationToken cancellationToken)
    {
        try
        {
            // Not a typed API: sent through the client's own handler (client certificates), with its credentials (tokens) added.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, "readyz"));
            if (client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            using var readyz = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (readyz.StatusCode != HttpStatusCode.OK)
            {
                var body = await readyz.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return new ClusterHealth($"not ready ({(int)readyz.StatusCode}{FirstFailedCheck(body)})", expectedNodes, []);
            }

            var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var byName = nodes.Items.ToDictionary(n => n.Metadata.Name, StringComparer.Ordinal);
            var notRegistered = expectedNodes.Where(name => !byName.ContainsKey(name)).ToList();
            var notReady = new List<string>();
            foreach (var name in expectedNodes.Where(byName.ContainsKey))
            {
                var ready = byName[name].Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
                if (ready?.Status != "True")
                {
                    notReady.Add(ready is null ? $"{name} (no Ready condition yet)" : $"{name} ({ready.Reason ?? ready.Status})");
                }
            }

            return new ClusterHealth(null, notRegistered, notReady);
        }
        catch (HttpOperationException error)
        {
            return new ClusterHealth($"refused the request ({(int)error.Response.StatusCode})", expectedNodes, []);
        }
        catch (HttpRequestException error)
        {
            return new ClusterHealth($"not reachable ({error.HttpRequestError})", expectedNodes, []);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ClusterHealth("not reachable (timed out)", expectedNodes, []);
        }
    }

    /// <summary>readyz lists its checks as "[-]etcd failed: reason withheld": the first failed one says the most.</summary>
    private static string FirstFailedCheck(string body)
    {
        var failed = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("[-]", StringComparison.Ordinal));
        return failed is null ? string.Empty : ": " + failed[3..].Split(' ')[0] + " failed";
    }
}
