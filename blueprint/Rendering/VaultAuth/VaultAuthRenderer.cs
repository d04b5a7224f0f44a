using System.Text;
using k8s.Models;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// Renders Vault's JWT auth for the stack's cluster, the eso-reader policy, and External Secrets' store and
/// token. Key material and tokens come only from <see cref="RenderInput.Values"/>.
/// </summary>
public static class VaultAuthRenderer
{
    /// <summary>The policy External Secrets reads with.</summary>
    public const string EsoReaderPolicy = "eso-reader";

    /// <summary>The Secret in the External Secrets namespace that holds the eso-reader token.</summary>
    public const string ReaderTokenSecretName = "vault-eso-reader-token";

    public const string ReaderTokenKey = "token";

    /// <summary>Vault's JWT role type for tokens validated without an OIDC flow.</summary>
    public const string RoleType = "jwt";

    /// <summary>A service-account token's subject: <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
    public const string UserClaim = "sub";

    public static VaultAuthRendering Render(RenderInput input)
    {
        var config = input.Config;
        var names = input.Names;
        var auth = config.VaultAuth;

        var backend = auth.Mode == JwtValidationMode.PublicKeys
            ? new JwtBackendConfig(names.ServiceAccountIssuer, JwtValidationPubkeys: [input.Values[ApplyTimeValue.ServiceAccountPublicKey]])
            : new JwtBackendConfig(names.ServiceAccountIssuer, JwksUrl: names.JwksUri, JwksCaPem: input.Values[ApplyTimeValue.KubernetesCaCertificate]);
        var roles = auth.Roles.Select(role => new JwtRoleDefinition(
            role.Name,
            RoleType,
            [role.Audience ?? names.VaultAudience],
            role.BoundSubject,
            UserClaim,
            (long)role.TokenTtl.TotalSeconds,
            (long)role.TokenMaxTtl.TotalSeconds,
            role.Policies)).ToList();

        var kv = config.Vault;
        var reader = new VaultPolicy(
            ReaderPolicyName(config),
            ["Written by tazlab. External Secrets reads the platform's secrets:", "read on the KV v2 data path, list on its metadata path, nothing else."],
            [
                new VaultPolicyPath($"{kv.KvMount}/data/{kv.KvPrefix}/*", ["read"]),
                new VaultPolicyPath($"{kv.KvMount}/metadata/{kv.KvPrefix}/*", ["list"]),
            ]);

        var eso = config.ExternalSecrets;
        var token = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = ReaderTokenSecretName, NamespaceProperty = eso.Namespace, Labels = ManagedBy() },
            Type = "Opaque",
            StringData = new Dictionary<string, string> { [ReaderTokenKey] = input.Values[ApplyTimeValue.EsoReaderToken] },
        };

        var store = new ClusterSecretStore(
            $"{ClusterSecretStore.Group}/{ClusterSecretStore.Version}",
            "ClusterSecretStore",
            new ManifestMetadata(eso.StoreName, ManagedBy()),
            new ClusterSecretStoreSpec(new SecretStoreProvider(new VaultProvider(
                names.VaultApiUrl,
                kv.KvMount,
                "v2",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(input.Values[ApplyTimeValue.VaultCaCertificate])),
                new VaultProviderAuth(new SecretKeySelector(ReaderTokenSecretName, ReaderTokenKey, eso.Namespace))))));

        return Assemble(auth.Mode, new JwtAuthConfiguration(auth.MountPath, backend, roles), [reader], store, token);
    }

    /// <summary>A rendering from its typed parts (also how checks are exercised on a hand-built rendering).</summary>
    public static VaultAuthRendering Assemble(JwtValidationMode mode, JwtAuthConfiguration jwtAuth, IReadOnlyList<VaultPolicy> policies, ClusterSecretStore store, V1Secret readerToken)
    {
        List<RenderedFile> files =
        [
            new(VaultAuthRendering.JwtAuthFile, JwtAuthJson.Write(jwtAuth)),
            .. policies.Select(p => new RenderedFile(p.FilePath, HclWriter.Write(p.ToHcl()))),
            new(VaultAuthRendering.ClusterSecretStoreFile, ExternalSecretsManifests.Write(store)),
            new(VaultAuthRendering.ReaderTokenFile, KubernetesManifests.Write([readerToken])),
        ];
        return new VaultAuthRendering(mode, jwtAuth, policies, store, readerToken, files);
    }

    /// <summary>
    /// Policies are global on a Vault: a stack that uses another stack's Vault names its reader after itself,
    /// so the two stacks' readers (with different KV prefixes) do not overwrite each other.
    /// </summary>
    public static string ReaderPolicyName(StackConfig config) =>
        config.Ownership.VaultServer == PartOwnership.Own ? EsoReaderPolicy : $"{EsoReaderPolicy}-{config.StackName}";

    private static Dictionary<string, string> ManagedBy() => new() { ["app.kubernetes.io/managed-by"] = "tazlab" };
}
