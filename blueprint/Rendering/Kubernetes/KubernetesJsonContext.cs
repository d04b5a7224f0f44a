using System.Text.Json.Serialization;
using k8s.Models;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// Generated JSON metadata for the Kubernetes kinds the platform renders (and every model they hold): what
/// <see cref="KubernetesManifests"/> writes and reads them with. Only these kinds, not KubernetesClient's
/// context of the whole API, so a Native AOT build keeps only the models it uses.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1ServiceAccount))]
[JsonSerializable(typeof(V1ClusterRole))]
[JsonSerializable(typeof(V1ClusterRoleBinding))]
[JsonSerializable(typeof(V1Role))]
[JsonSerializable(typeof(V1RoleBinding))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1DaemonSet))]
[JsonSerializable(typeof(V1PodDisruptionBudget))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
