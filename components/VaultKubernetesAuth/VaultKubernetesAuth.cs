using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;
using Pulumi.Vault;
using Pulumi.Vault.Jwt;
using AuthBackend = Pulumi.Vault.Jwt.AuthBackend;
using AuthBackendArgs = Pulumi.Vault.Jwt.AuthBackendArgs;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Rendering;
using VaultProvider = Pulumi.Vault.Provider;
using VaultProviderArgs = Pulumi.Vault.ProviderArgs;

namespace Tazlab.Components.VaultKubernetesAuth;

/// <summary>
/// How the cluster authenticates to Vault: the JWT auth backend in the configured key mode (the service-account
/// public key, or the API server's JWKS), a role per service account, the <c>eso-reader</c> policy and its scoped
/// token stored as a Kubernetes Secret, the KV v2 mount, the pinned External Secrets release, and the
/// ClusterSecretStore - after that release, whose CRDs it needs.
/// </summary>
public sealed class VaultKubernetesAuth : ComponentResource
{
    public const string TypeToken = "tazlab:vault:VaultKubernetesAuth";

    public const string ExternalSecretsChart = "external-secrets";

    public const string ExternalSecretsRepository = "https://charts.external-secrets.io";

    /// <summary>The reader token is periodic: renewed within a period it never expires; unrenewed it dies after one.</summary>
    public const string ReaderTokenPeriod = "768h";

    public VaultKubernetesAuth(string name, VaultKubernetesAuthArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var names = args.Names;
        var wiring = args.Wiring;
        var cluster = args.Cluster;

        var vault = new VaultProvider("vault", new VaultProviderArgs
        {
            Address = args.VaultApiUrl,
            Token = args.VaultAdminToken,
            CaCertFile = args.VaultCaCertificate.Apply(pem => VaultCaFile.Write(config.StackName, pem)),
        }, new CustomResourceOptions { Parent = this });
        CustomResourceOptions OnVault(string node, params Resource[] alsoAfter) => new() { Parent = this, Provider = vault, DependsOn = wiring.DependenciesOf(node, alsoAfter) };

        // Vault refuses a second mount on a path: a mount whose type changes is replaced by disabling the old one first.
        CustomResourceOptions MountOnVault(string node)
        {
            var options = OnVault(node);
            options.DeleteBeforeReplace = true;
            return options;
        }

        // Everything Vault-side is the blueprint's rendering with the cluster's real key material.
        var offline = args.Rendering.Get<VaultAuthRendering>();
        var applied = ApplyTimeRendering.Render(config, names, new Dictionary<ApplyTimeValue, Output<string>>
        {
            [ApplyTimeValue.ServiceAccountPublicKey] = args.ServiceAccountPublicKey,
            [ApplyTimeValue.KubernetesCaCertificate] = args.KubernetesCaCertificate,
            [ApplyTimeValue.VaultCaCertificate] = args.VaultCaCertificate,
            [ApplyTimeValue.EsoReaderToken] = Output.Create(PlaceholderValues.Instance[ApplyTimeValue.EsoReaderToken]),
        }, VaultAuthRenderer.Render);

        if (args.CreateKvMount)
        {
            wiring.Register("kv-mount", new Mount("kv", new MountArgs
            {
                Path = config.Vault.KvMount,
                Type = "kv",
                Options = { { "version", "2" } },
                Description = "The platform's secrets (tazlab)",
            }, MountOnVault("kv-mount")));
        }

        foreach (var policy in offline.Policies)
        {
            wiring.Register("eso-reader-policy", new Policy(policy.Name, new PolicyArgs
            {
                Name = policy.Name,
                PolicyContents = ApplyTimeRendering.File(offline, policy.FilePath),
            }, OnVault("eso-reader-policy")));
        }

        var jwt = offline.JwtAuth;
        var backendArgs = new AuthBackendArgs
        {
            Path = jwt.Mount,
            Type = "jwt",
            Description = $"Kubernetes service accounts of {config.Talos.ClusterName} ({config.StackName})",
            BoundIssuer = jwt.Config.BoundIssuer,
        };

        // Exactly one key source, as rendered: the public key (pubkeys) or the JWKS URL with the cluster CA (jwks-url).
        if (jwt.Config.JwksUrl is { } jwksUrl)
        {
            backendArgs.JwksUrl = jwksUrl;
            backendArgs.JwksCaPem = applied.Apply(r => r.JwtAuth.Config.JwksCaPem ?? string.Empty);
        }
        else
        {
            backendArgs.JwtValidationPubkeys = applied.Apply(r => (r.JwtAuth.Config.JwtValidationPubkeys ?? []).ToImmutableArray());
        }

        wiring.Register("jwt-backend", new AuthBackend("jwt", backendArgs, MountOnVault("jwt-backend")));

        foreach (var role in jwt.Roles)
        {
            wiring.Register($"jwt-role:{role.Name}", new AuthBackendRole(role.Name, new AuthBackendRoleArgs
            {
                Backend = jwt.Mount,
                RoleName = role.Name,
                RoleType = role.RoleType,
                BoundAudiences = role.BoundAudiences.ToList(),
                BoundSubject = role.BoundSubject,
                UserClaim = role.UserClaim,
                TokenTtl = (int)role.TokenTtl,
                TokenMaxTtl = (int)role.TokenMaxTtl,
                TokenPolicies = role.TokenPolicies.ToList(),
            }, OnVault($"jwt-role:{role.Name}")));
        }

        // The reader token: only the reader policy, orphaned (it outlives this run's provider token), periodic.
        var readerPolicy = VaultAuthRenderer.ReaderPolicyName(config);
        var token = wiring.Register("eso-reader-token", new Token("eso-reader", new TokenArgs
        {
            Policies = { readerPolicy },
            NoParent = true,
            NoDefaultPolicy = true,
            Renewable = true,
            Period = ReaderTokenPeriod,
            DisplayName = $"eso-reader-{config.StackName}",
        }, OnVault("eso-reader-token")));
        var eso = config.ExternalSecrets;
        var esoNamespace = wiring.Register("eso-reader-token", KubernetesNamespace.Create(eso.Namespace, cluster.Options(this, wiring.DependenciesOf("eso-reader-token"))));
        // Rendered again once the token exists: the backend and the store above must not wait for the token.
        var withToken = ApplyTimeRendering.Render(config, names, new Dictionary<ApplyTimeValue, Output<string>>
        {
            [ApplyTimeValue.ServiceAccountPublicKey] = args.ServiceAccountPublicKey,
            [ApplyTimeValue.KubernetesCaCertificate] = args.KubernetesCaCertificate,
            [ApplyTimeValue.VaultCaCertificate] = args.VaultCaCertificate,
            [ApplyTimeValue.EsoReaderToken] = token.ClientToken,
        }, VaultAuthRenderer.Render);
        wiring.Register("eso-reader-token", RenderedSecret.Create(
            "eso-reader-token",
            offline.ReaderToken,
            withToken.Apply(r => r.ReaderToken),
            cluster.Options(this, wiring.DependenciesOf("eso-reader-token", esoNamespace))));

        wiring.Register("external-secrets", new Release("external-secrets", new ReleaseArgs
        {
            Name = ExternalSecretsChart,
            Chart = ExternalSecretsChart,
            Version = eso.ChartVersion,
            Namespace = eso.Namespace,
            CreateNamespace = false,
            RepositoryOpts = new RepositoryOptsArgs { Repo = ExternalSecretsRepository },
            Values = { { "installCRDs", true } },
            Atomic = true,
        }, cluster.Options(this, wiring.DependenciesOf("external-secrets", esoNamespace))));

        // After the release: a ClusterSecretStore created before ESO's CRDs fails ("resource isn't valid for cluster").
        wiring.Register("cluster-secret-store", new ConfigGroup("cluster-secret-store", new ConfigGroupArgs
        {
            Yaml = applied.Apply(r => ApplyTimeRendering.File(r, VaultAuthRendering.ClusterSecretStoreFile)),
        }, cluster.ComponentOptions(this, wiring.DependenciesOf("cluster-secret-store"))));

        JwtMount = Output.Create(jwt.Mount);
        ReaderPolicy = Output.Create(readerPolicy);
        StoreName = Output.Create(eso.StoreName);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["jwtMount"] = JwtMount,
            ["readerPolicy"] = ReaderPolicy,
            ["storeName"] = StoreName,
        });
    }

    [Output("jwtMount")]
    public Output<string> JwtMount { get; }

    [Output("readerPolicy")]
    public Output<string> ReaderPolicy { get; }

    [Output("storeName")]
    public Output<string> StoreName { get; }
}
