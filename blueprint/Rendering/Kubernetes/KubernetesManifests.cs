using k8s;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>Writes typed Kubernetes objects (KubernetesClient models) as one multi-document YAML file.</summary>
public static class KubernetesManifests
{
    public static string Write(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => Normalise(KubernetesYaml.Serialize(o))));

    /// <summary>Reads a multi-document file back into typed objects (for tests and checks).</summary>
    public static IReadOnlyList<object> Read(string yaml) => KubernetesYaml.LoadAllFromString(yaml);

    private static string Normalise(string document) => document.EndsWith('\n') ? document : document + "\n";
}
