using System.Net;
using k8s;
using k8s.Autorest;

namespace Tazlab.ClusterApi.Nodes;

/// <summary>The Node objects through the API server, with the admin kubeconfig's client.</summary>
public sealed class KubernetesNodes(k8s.Kubernetes client) : IKubernetesNodes
{
    public async Task<string?> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNodeAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException e)
        {
            return $"the API server answered {(int)e.Response.StatusCode} to deleting node {name}";
        }
        catch (HttpRequestException e)
        {
            return $"the API server could not be reached: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the API server did not answer in time";
        }
    }
}
