using System.Text;
using Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// Renders Vault's JWT auth for the stack's cluster: the backend, a role per configured service account with its own
/// policy (read on the role's KV folders, nothing else), External Secrets' own role with the eso-reader policy, and
/// the ClusterSecretStore, which logs in through that role with a short-lived token of ESO's service account - no
/// long-lived token exists. Key material comes only from <see cref="RenderInput.Values"/>.
/// </summary>
public static class VaultAuthRenderer
{
    /// <summary>Vault's JWT role type for tokens validated without an OIDC flow.</summary>
    public const string RoleType = "jwt";

    /// <summary>A service-account token's subject: <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
    public const string UserClaim = "sub";

    /// <summary>The lifetime of the service-account token ESO requests for each login (the API server's minimum).</summary>
    public const long LoginTokenSeconds = 600;

    public static VaultAuthRendering Render(RenderInput input)
    {
        var config = input.Config;
        var names = input.Names;
        var auth = config.VaultAuth;
        var kv = config.Vault;
        var eso = config.ExternalSecrets;

        var backend = auth.Mode == JwtValidationMode.PublicKeys
            ? new JwtBackendConfig(names.ServiceAccountIssuer, JwtValidationPubkeys: [input.Values[ApplyTimeValue.ServiceAccountPublicKey]])
            : new JwtBackendConfig(names.ServiceAccountIssuer, JwksUrl: names.JwksUri, JwksCaPem: input.Values[ApplyTimeValue.KubernetesCaCertificate]);

        var rolePolicies = auth.Roles.Select(role => KvReadPolicies.ForRole(VaultAuthNames.RolePolicy(config, role), role.Name, kv.KvMount, kv.KvPrefix, role.SecretFolders)).ToList();
        var roles = auth.Roles.Select((role, i) => new JwtRoleDefinition(
            role.Name,
            RoleType,
            [role.Audience ?? names.VaultAudience],
            role.BoundSubject,
            UserClaim,
            (long)role.TokenTtl.TotalSeconds,
            (long)role.TokenMaxTtl.TotalSeconds,
            [rolePolicies[i].Name])).ToList();

        var reader = KvReadPolicies.Reader(VaultAuthNames.ReaderPolicy(config), kv.KvMount, kv.KvPrefix);
        var esoTtl = (long)VaultAuthNames.ExternalSecretsTokenTtl.TotalSeconds;
        roles.Add(new JwtRoleDefinition(
            VaultAuthNames.ExternalSecretsRole,
            RoleType,
            [names.VaultAudience],
            $"system:serviceaccount:{eso.Namespace}:{VaultAuthNames.ExternalSecretsServiceAccount}",
            UserClaim,
            esoTtl,
            esoTtl,
            [reader.Name]));

        var store = new ClusterSecretStore(
            $"{ClusterSecretStore.Group}/{ClusterSecretStore.Version}",
            "ClusterSecretStore",
            new ManifestMetadata(eso.StoreName, ManagedBy()),
            new ClusterSecretStoreSpec(new SecretStoreProvider(new VaultProvider(
                names.VaultApiUrl,
                kv.KvMount,
                "v2",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(input.Values[ApplyTimeValue.VaultCaCertificate])),
                new VaultProviderAuth(new VaultJwtAuth(
                    auth.MountPath,
                    VaultAuthNames.ExternalSecretsRole,
                    new ServiceAccountTokenSource(new ServiceAccountSelector(VaultAuthNames.ExternalSecretsServiceAccount, eso.Namespace), [names.VaultAudience], LoginTokenSeconds)))))));

        return Assemble(auth.Mode, new JwtAuthConfiguration(auth.MountPath, backend, roles), [reader, .. rolePolicies], store);
    }

    /// <summary>A rendering from its typed parts (also how checks are exercised on a hand-built rendering).</summary>
    public static VaultAuthRendering Assemble(JwtValidationMode mode, JwtAuthConfiguration jwtAuth, IReadOnlyList<VaultPolicy> policies, ClusterSecretStore store)
    {
        List<RenderedFile> files =
        [
            new(VaultAuthRendering.JwtAuthFile, JwtAuthJson.Write(jwtAuth)),
            .. policies.Select(p => new RenderedFile(p.FilePath, HclWriter.Write(p.ToHcl()))),
            new(VaultAuthRendering.ClusterSecretStoreFile, ExternalSecretsManifests.Write(store)),
        ];
        return new VaultAuthRendering(mode, jwtAuth, policies, store, files);
    }

    private static Dictionary<string, string> ManagedBy() => new() { ["app.kubernetes.io/managed-by"] = "tazlab" };
}
