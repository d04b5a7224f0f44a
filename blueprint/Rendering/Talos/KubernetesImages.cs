namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// The images of the Kubernetes components Talos runs, at a version: the repositories Talos' configuration defaults
/// to (siderolabs/talos pkg/machinery/constants/constants.go:390-402, v1.13.0) and the tags <c>talosctl
/// upgrade-k8s</c> writes, <c>&lt;repository&gt;:v&lt;version&gt;</c> (pkg/cluster/kubernetes/talos_managed.go and
/// kubelet.go). The node patches carry them, so a later configuration apply keeps what upgrade-k8s set instead of
/// reverting it to the versions of the configuration generated at bootstrap.
/// </summary>
public static class KubernetesImages
{
    public const string Kubelet = "ghcr.io/siderolabs/kubelet";
    public const string ApiServer = "registry.k8s.io/kube-apiserver";
    public const string ControllerManager = "registry.k8s.io/kube-controller-manager";
    public const string Scheduler = "registry.k8s.io/kube-scheduler";
    public const string Proxy = "registry.k8s.io/kube-proxy";

    /// <summary>The image at a version written with its v, e.g. v1.35.0.</summary>
    public static string At(string repository, string kubernetesVersion) => $"{repository}:{kubernetesVersion}";
}
