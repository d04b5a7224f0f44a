using k8s;
using Tazlab.ClusterApi.Health;

namespace Tazlab.Cli.Commands;

/// <summary>
/// The Kubernetes client of a command that talks to the cluster: the kubeconfig's text comes from the environment
/// only (the Pulumi program passes its secret output there), never from a file or an argument.
/// </summary>
public static class KubeconfigFromEnvironment
{
    /// <summary>The client, or null after saying on stderr what is wrong (a usage error: nothing was touched).</summary>
    public static Kubernetes? CreateClient(CliContext context)
    {
        if (context.Environment(ClusterHealthEnvironment.KubeconfigVariable) is not { Length: > 0 } kubeconfig)
        {
            context.Stderr.WriteLine($"{ClusterHealthEnvironment.KubeconfigVariable}: not set; expected the cluster's kubeconfig (the Pulumi program passes its secret output)");
            return null;
        }

        var client = KubeconfigClient.Create(kubeconfig, TimeSpan.FromSeconds(10), out var problem);
        if (client is null)
        {
            context.Stderr.WriteLine($"{ClusterHealthEnvironment.KubeconfigVariable}: {problem}; expected a kubeconfig with one cluster and its credentials");
        }

        return client;
    }
}
