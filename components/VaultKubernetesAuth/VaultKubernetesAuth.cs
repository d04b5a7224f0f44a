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
using Tazlab.Stacks.Naming;
using Pulumi.Vault.Inputs;
using VaultProvider = Pulumi.Vault.Provider;
using VaultProviderArgs = Pulumi.Vault.ProviderArgs;

namespace Tazlab.Components.VaultKubernetesAuth;

/// <summary>
/// How the cluster authenticates to Vault: the JWT auth backend in the configured key mode (the service-account
/// public key, or the API server's JWKS), a role per service account with its own policy, External Secrets' role
/// with the <c>eso-reader</c> policy, the KV v2 mount, the pinned External Secrets release, and the
/// ClusterSecretStore - after that release, whose CRDs it needs - which logs in through ESO's role with a
/// short-lived token of ESO's service account. No long-lived Vault token is created.
/// </summary>
public sealed class VaultKubernetesAuth : ComponentResource
{
    public const string TypeToken = "tazlab:vault:VaultKubernetesAuth";

    public const string ExternalSecretsChart = "external-secrets";

    public const string ExternalSecretsRepository = "https://charts.external-secrets.io";

    public VaultKubernetesAuth(string name, VaultKubernetesAuthArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var names = args.Names;
        var wiring = args.Wiring;
        var cluster = args.Cluster;

        // The program's own AppRole credential, never a root token. The provider logs in once per process and uses the
        // login token itself (no child token: the role's one-hour token carries exactly the program's policy).
        var vault = new VaultProvider("vault", new VaultProviderArgs
        {
            Address = args.VaultApiUrl,
            AuthLogin = new ProviderAuthLoginArgs
            {
                Path = $"auth/{VaultAuthNames.AppRoleMount}/login",
                Parameters =
                {
                    ["role_id"] = args.VaultCredential.RoleId,
                    ["secret_id"] = args.VaultCredential.SecretId,
                },
            },
            SkipChildToken = true,
            CaCertFile = args.VaultCaCertificate.Apply(pem => VaultCaFile.Write(args.ProjectRoot, config.StackName, pem)),
        }, new CustomResourceOptions { Parent = this });
        Provider = vault;
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
        }, VaultAuthRenderer.Render);

        if (args.OwnsVault)
        {
            wiring.Register("kv-mount", new Mount("kv", new MountArgs
            {
                Path = config.Vault.KvMount,
                Type = "kv",
                Options = { { "version", "2" } },
                Description = "The platform's secrets (tazlab)",
            }, MountOnVault("kv-mount")));
        }

        // The reader's policy is its graph node's; each role's own policy belongs to the role's node (after the backend).
        var readerPolicy = VaultAuthNames.ReaderPolicy(config);
        Policy PolicyOf(VaultPolicy policy, string node) => wiring.Register(node, new Policy(policy.Name, new PolicyArgs
        {
            Name = policy.Name,
            PolicyContents = ApplyTimeRendering.File(offline, policy.FilePath),
        }, OnVault(node)));
        // A referencing stack's policies are the owner's to write (from its grant): its credential cannot.
        var policies = new Dictionary<string, Policy>(StringComparer.Ordinal);
        if (args.OwnsVault)
        {
            policies[readerPolicy] = PolicyOf(offline.Policies.Single(p => p.Name == readerPolicy), "eso-reader-policy");
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

        // External Secrets' role among them: the store logs in through it, so no long-lived token exists anywhere.
        foreach (var role in jwt.Roles)
        {
            var node = $"jwt-role:{role.Name}";
            foreach (var policy in offline.Policies.Where(p => args.OwnsVault && !policies.ContainsKey(p.Name) && role.TokenPolicies.Contains(p.Name)))
            {
                policies[policy.Name] = PolicyOf(policy, node);
            }

            wiring.Register(node, new AuthBackendRole(role.Name, new AuthBackendRoleArgs
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
            }, OnVault(node, [.. role.TokenPolicies.Where(policies.ContainsKey).Select(p => policies[p])])));
        }

        var eso = config.ExternalSecrets;
        var esoNamespace = wiring.Register("external-secrets", KubernetesNamespace.Create(eso.Namespace, cluster.Options(this, wiring.DependenciesOf("external-secrets"))));
        wiring.Register("external-secrets", new Release("external-secrets", new ReleaseArgs
        {
            Name = ExternalSecretsChart,
            Chart = ExternalSecretsChart,
            Version = eso.ChartVersion,
            Namespace = eso.Namespace,
            CreateNamespace = false,
            RepositoryOpts = new RepositoryOptsArgs { Repo = ExternalSecretsRepository },
            // The service account's name is a fact the store and ESO's Vault role share (VaultAuthNames).
            Values =
            {
                { "installCRDs", true },
                { "serviceAccount", new Dictionary<string, object> { ["name"] = VaultAuthNames.ExternalSecretsServiceAccount } },
            },
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

    /// <summary>The stack's Vault provider, logged in with its own credential (the owner's grants use it too).</summary>
    public VaultProvider Provider { get; }

    [Output("storeName")]
    public Output<string> StoreName { get; }
}
