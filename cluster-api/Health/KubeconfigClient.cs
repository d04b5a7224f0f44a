using System.Text;
using k8s;
using k8s.Exceptions;

namespace Tazlab.ClusterApi.Health;

/// <summary>A Kubernetes client from a kubeconfig's text (the program passes it in an environment variable, never a file).</summary>
public static class KubeconfigClient
{
    /// <summary>Null, with the reason, when the text is not a usable kubeconfig; the reason never quotes the text.</summary>
    public static Kubernetes? Create(string kubeconfig, TimeSpan requestTimeout, out string? problem)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(stream);
            configuration.HttpClientTimeout = requestTimeout;
            problem = null;
            return new Kubernetes(configuration);
        }
        catch (Exception error) when (error is KubeConfigException or ArgumentException or FormatException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            problem = $"not a usable kubeconfig ({error.GetType().Name})";
            return null;
        }
    }
}
