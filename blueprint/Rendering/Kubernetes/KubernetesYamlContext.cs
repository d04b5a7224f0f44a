using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using Tazlab.Blueprint.Rendering.Yaml;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// The KubernetesClient models the platform renders, registered one by one (ahead-of-time safe, and no more
/// type metadata in a native build than these): each property under its JSON name, and on a type with
/// <c>ApiVersion</c> or <c>Kind</c> those two and <c>Metadata</c> first — the names and order KubernetesClient's
/// own YAML serialiser gives them. A model that is not registered fails the write with its name: add it here.
/// </summary>
internal static class KubernetesYamlContext
{
    private static readonly string[] PreferredOrder = ["ApiVersion", "Kind", "Metadata"];

    private static readonly Dictionary<Type, IReadOnlyList<IPropertyDescriptor>> Models = new Registry()
        .Add<V1Namespace>()
        .Add<V1ServiceAccount>()
        .Add<V1ClusterRole>()
        .Add<V1ClusterRoleBinding>()
        .Add<V1ConfigMap>()
        .Add<V1Secret>()
        .Add<V1Service>()
        .Add<V1Deployment>()
        .Add<V1PodDisruptionBudget>()
        .Add<V1ObjectMeta>()
        .Add<V1PolicyRule>()
        .Add<V1RoleRef>()
        .Add<Rbacv1Subject>()
        .Add<V1ServiceSpec>()
        .Add<V1ServicePort>()
        .Add<V1DeploymentSpec>()
        .Add<V1DeploymentStrategy>()
        .Add<V1RollingUpdateDeployment>()
        .Add<V1PodDisruptionBudgetSpec>()
        .Add<V1LabelSelector>()
        .Add<V1LabelSelectorRequirement>()
        .Add<V1PodTemplateSpec>()
        .Add<V1PodSpec>()
        .Add<V1Affinity>()
        .Add<V1PodAntiAffinity>()
        .Add<V1PodAffinityTerm>()
        .Add<V1PodSecurityContext>()
        .Add<V1SeccompProfile>()
        .Add<V1Toleration>()
        .Add<V1Container>()
        .Add<V1ContainerPort>()
        .Add<V1Probe>()
        .Add<V1HTTPGetAction>()
        .Add<V1ResourceRequirements>()
        .Add<V1SecurityContext>()
        .Add<V1Capabilities>()
        .Add<V1VolumeMount>()
        .Add<V1Volume>()
        .Add<V1ConfigMapVolumeSource>()
        .Add<V1KeyToPath>()
        .Add<V1CronJob>()
        .Add<V1CronJobSpec>()
        .Add<V1JobTemplateSpec>()
        .Add<V1JobSpec>()
        .Add<V1EnvVar>()
        .Add<V1EnvVarSource>()
        .Add<V1SecretKeySelector>()
        .Add<V1EmptyDirVolumeSource>()
        .Add<V1SecretVolumeSource>()
        .Types;

    public static SerializationContext Create() => new(type => Models.GetValueOrDefault(type));

    /// <summary>Whether <paramref name="type"/> is registered (tests check every rendered model is).</summary>
    public static bool IsRegistered(Type type) => Models.ContainsKey(type);

    private sealed class Registry
    {
        public Dictionary<Type, IReadOnlyList<IPropertyDescriptor>> Types { get; } = [];

        public Registry Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
        {
            var properties = ReadOnlyPropertyDescriptor.ReadableProperties(typeof(T)).ToList();
            var preferred = properties.Any(p => p.Name is "ApiVersion" or "Kind");
            var next = preferred ? PreferredOrder.Length : 0;
            Types[typeof(T)] = properties
                .Select(p =>
                {
                    var json = p.GetCustomAttribute<JsonPropertyNameAttribute>();
                    YamlMemberAttribute? member = null;
                    if (json is not null || preferred)
                    {
                        member = new YamlMemberAttribute();
                        if (preferred)
                        {
                            var order = Array.IndexOf(PreferredOrder, p.Name);
                            member.Order = order >= 0 ? order : next++;
                        }

                        if (json is not null)
                        {
                            member.Alias = json.Name;
                            member.ApplyNamingConventions = false;
                        }
                    }

                    return (IPropertyDescriptor)new ReadOnlyPropertyDescriptor(p.Name, p.PropertyType, p.GetValue, p, member);
                })
                .ToList();
            return this;
        }
    }
}
