using k8s.Models;
using Tazlab.Blueprint.Rendering.CoreDns.Corefile;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rendering.CoreDns;

/// <summary>
/// The user-managed CoreDNS as typed Kubernetes objects, in the shape of coredns/deployment's
/// kubernetes/coredns.yaml.sed: it replaces Talos' own, so it keeps the names kubelets and tools expect
/// (Deployment coredns, Service kube-dns, label k8s-app: kube-dns).
/// </summary>
public sealed record CoreDnsManifests(
    V1ServiceAccount ServiceAccount,
    V1ClusterRole ClusterRole,
    V1ClusterRoleBinding ClusterRoleBinding,
    V1ConfigMap ConfigMap,
    V1Deployment Deployment,
    V1Service Service,
    V1PodDisruptionBudget PodDisruptionBudget)
{
    public const string Namespace = "kube-system";
    public const string Name = "coredns";
    public const string ServiceName = "kube-dns";
    public const string RoleName = "system:coredns";
    public const string CorefileKey = "Corefile";
    public const string ContainerName = "coredns";
    public const int HealthPort = 8080;
    public const int ReadyPort = 8181;

    /// <summary>The anti-affinity topology: one replica per node.</summary>
    public const string HostnameTopology = "kubernetes.io/hostname";

    /// <summary>The distroless image's "nonroot" user; runAsNonRoot needs it as a number (older images name it).</summary>
    public const long NonRootUser = 65532;

    private const string ConfigVolume = "config-volume";
    private const string ConfigDirectory = "/etc/coredns";

    /// <summary>The label that selects the pods: Talos' and kubeadm's CoreDNS use it too.</summary>
    public static readonly KeyValuePair<string, string> AppLabel = new("k8s-app", "kube-dns");

    /// <summary>Every object, in the order they are applied.</summary>
    public IReadOnlyList<object> All => [ServiceAccount, ClusterRole, ClusterRoleBinding, ConfigMap, Deployment, Service, PodDisruptionBudget];

    /// <summary>The Corefile the ConfigMap hands to CoreDNS: the text CoreDNS actually reads.</summary>
    public string Corefile => ConfigMap.Data[CorefileKey];

    public static CoreDnsManifests Build(CoreDnsConfig config, string corefile) => new(
        new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = Meta(Name),
        },
        BuildClusterRole(),
        BuildClusterRoleBinding(),
        new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Meta(Name),
            Data = new Dictionary<string, string> { [CorefileKey] = corefile },
        },
        BuildDeployment(config),
        BuildService(config),
        new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = Meta(Name),
            Spec = new V1PodDisruptionBudgetSpec
            {
                MaxUnavailable = 1,
                Selector = Selector(),
            },
        });

    private static V1ClusterRole BuildClusterRole() => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = Meta(RoleName, clusterScoped: true),
        Rules =
        [
            new V1PolicyRule
            {
                ApiGroups = [string.Empty],
                Resources = ["endpoints", "services", "pods", "namespaces"],
                Verbs = ["list", "watch"],
            },
            new V1PolicyRule
            {
                ApiGroups = ["discovery.k8s.io"],
                Resources = ["endpointslices"],
                Verbs = ["list", "watch"],
            },
        ],
    };

    private static V1ClusterRoleBinding BuildClusterRoleBinding() => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = Meta(RoleName, clusterScoped: true),
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = RoleName },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Name, NamespaceProperty = Namespace }],
    };

    private static V1Deployment BuildDeployment(CoreDnsConfig config) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Meta(Name),
        Spec = new V1DeploymentSpec
        {
            Replicas = config.Replicas,
            Selector = Selector(),

            // With one replica per node a surge pod may have nowhere to go; replacing one at a time still progresses.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 1 },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels() },
                Spec = PodSpec(config),
            },
        },
    };

    private static V1PodSpec PodSpec(CoreDnsConfig config) => new()
    {
        PriorityClassName = "system-cluster-critical",
        ServiceAccountName = Name,

        // CoreDNS resolves upstream through the node's resolver, never through itself.
        DnsPolicy = "Default",
        NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },

        // DNS is needed before workers join: it may run on control-plane nodes.
        Tolerations =
        [
            new V1Toleration { Key = "CriticalAddonsOnly", OperatorProperty = "Exists" },
            new V1Toleration { Key = "node-role.kubernetes.io/control-plane", OperatorProperty = "Exists", Effect = "NoSchedule" },
        ],
        Affinity = new V1Affinity
        {
            PodAntiAffinity = new V1PodAntiAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution =
                [
                    new V1PodAffinityTerm
                    {
                        LabelSelector = new V1LabelSelector
                        {
                            MatchExpressions = [new V1LabelSelectorRequirement { Key = AppLabel.Key, OperatorProperty = "In", Values = [AppLabel.Value] }],
                        },
                        TopologyKey = HostnameTopology,
                    },
                ],
            },
        },
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = NonRootUser,
            RunAsGroup = NonRootUser,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Containers = [Container(config)],
        Volumes =
        [
            new V1Volume
            {
                Name = ConfigVolume,
                ConfigMap = new V1ConfigMapVolumeSource
                {
                    Name = Name,
                    Items = [new V1KeyToPath { Key = CorefileKey, Path = CorefileKey }],
                },
            },
        ],
    };

    private static V1Container Container(CoreDnsConfig config) => new()
    {
        Name = ContainerName,
        Image = config.Image,
        ImagePullPolicy = "IfNotPresent",
        Args = ["-conf", $"{ConfigDirectory}/{CorefileKey}"],
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("70Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("170Mi") },
        },
        VolumeMounts = [new V1VolumeMount { Name = ConfigVolume, MountPath = ConfigDirectory, ReadOnlyProperty = true }],
        Ports =
        [
            new V1ContainerPort { Name = "dns", ContainerPort = PlatformServerBlocks.DnsPort, Protocol = "UDP" },
            new V1ContainerPort { Name = "dns-tcp", ContainerPort = PlatformServerBlocks.DnsPort, Protocol = "TCP" },
            new V1ContainerPort { Name = "metrics", ContainerPort = PlatformCorefile.MetricsPort, Protocol = "TCP" },
        ],

        // Non-root: the binary carries the file capability cap_net_bind_service to bind :53, so that one
        // capability must stay in the bounding set while every other is dropped.
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            RunAsNonRoot = true,
            Capabilities = new V1Capabilities { Add = ["NET_BIND_SERVICE"], Drop = ["ALL"] },
        },
        LivenessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/health", Port = HealthPort, Scheme = "HTTP" },
            InitialDelaySeconds = 60,
            TimeoutSeconds = 5,
            SuccessThreshold = 1,
            FailureThreshold = 5,
        },
        ReadinessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/ready", Port = ReadyPort, Scheme = "HTTP" },
        },
    };

    private static V1Service BuildService(CoreDnsConfig config) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = ServiceName,
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string>(Labels())
            {
                ["kubernetes.io/cluster-service"] = "true",
                ["kubernetes.io/name"] = "CoreDNS",
            },
            Annotations = new Dictionary<string, string>
            {
                ["prometheus.io/port"] = PlatformCorefile.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["prometheus.io/scrape"] = "true",
            },
        },
        Spec = new V1ServiceSpec
        {
            // Pinned: this is the resolver address every kubelet hands to its pods.
            ClusterIP = config.ClusterIp.ToString(),
            Selector = new Dictionary<string, string> { [AppLabel.Key] = AppLabel.Value },
            Ports =
            [
                new V1ServicePort { Name = "dns", Port = PlatformServerBlocks.DnsPort, Protocol = "UDP" },
                new V1ServicePort { Name = "dns-tcp", Port = PlatformServerBlocks.DnsPort, Protocol = "TCP" },
                new V1ServicePort { Name = "metrics", Port = PlatformCorefile.MetricsPort, Protocol = "TCP" },
            ],
        },
    };

    private static V1ObjectMeta Meta(string name, bool clusterScoped = false) => new()
    {
        Name = name,
        NamespaceProperty = clusterScoped ? null : Namespace,
        Labels = Labels(),
    };

    private static Dictionary<string, string> Labels() => new()
    {
        [AppLabel.Key] = AppLabel.Value,
        ["app.kubernetes.io/name"] = Name,
        ["app.kubernetes.io/managed-by"] = "tazlab",
    };

    private static V1LabelSelector Selector() => new() { MatchLabels = new Dictionary<string, string> { [AppLabel.Key] = AppLabel.Value } };
}
