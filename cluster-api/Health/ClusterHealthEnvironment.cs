namespace Tazlab.ClusterApi.Health;

/// <summary>How the health check is handed the cluster's credentials: the kubeconfig's text in one variable, never an argument or a file.</summary>
public static class ClusterHealthEnvironment
{
    public const string KubeconfigVariable = "TAZLAB_KUBECONFIG";
}
