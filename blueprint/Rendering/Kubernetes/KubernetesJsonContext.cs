using System.Text.Json.Serialization;
using k8s.Models;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// Generated JSON metadata for the Kubernetes kinds the platform renders (and every model they hold): what
/// <see cref="KubernetesManifests.Read"/> reads them back with (tests and checks; the CLI never reads them,
/// so a Native AOT build trims this away).
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
[JsonSerializable(typeof(V1CronJob))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
