using System.Text.Json;
using Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// How the cluster authenticates to Vault: the JWT auth backend and roles for service accounts (External Secrets'
/// among them), a policy per role, and External Secrets' ClusterSecretStore, which logs in through its role. Every
/// stack renders this (a referencing stack configures its own mount on the owner's Vault).
/// </summary>
public sealed record VaultAuthRendering(
    JwtValidationMode Mode,
    JwtAuthConfiguration JwtAuth,
    IReadOnlyList<VaultPolicy> Policies,
    ClusterSecretStore Store,
    IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string JwtAuthFile = "vault/jwt-auth.json";
    public const string PolicyFolder = "vault/policies/";
    public const string ClusterSecretStoreFile = "eso/cluster-secret-store.yaml";

    public string Area => "vaultAuth";

    /// <summary>vault/jwt-auth.json read back from its rendered text: what checks inspect is what ships.</summary>
    public JwtAuthConfiguration ReadJwtAuthFile() => JwtAuthJson.Read(Files.Single(f => f.Path == JwtAuthFile).Content);

    /// <summary>Every rendered policy read back from its HCL (name from the file name).</summary>
    public IReadOnlyList<VaultPolicy> ReadPolicyFiles() => Files
        .Where(f => f.Path.StartsWith(PolicyFolder, StringComparison.Ordinal))
        .Select(f => VaultPolicy.FromHcl(Path.GetFileNameWithoutExtension(f.Path), HclReader.Read(f.Content)))
        .ToList();

    /// <summary>The plan.json / config spelling of a validation mode.</summary>
    public static string ModeName(JwtValidationMode mode) => mode == JwtValidationMode.PublicKeys ? "pubkeys" : "jwks-url";

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("mount", JwtAuth.Mount);
        json.WriteString("mode", ModeName(Mode));
        json.WriteStartArray("roles");
        foreach (var role in JwtAuth.Roles)
        {
            json.WriteStartObject();
            json.WriteString("name", role.Name);
            json.WriteString("boundSubject", role.BoundSubject);
            json.WriteStartArray("audiences");
            foreach (var audience in role.BoundAudiences)
            {
                json.WriteStringValue(audience);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("policies");
        foreach (var policy in Policies)
        {
            json.WriteStringValue(policy.Name);
        }

        json.WriteEndArray();
        json.WriteString("storeServer", Store.Vault.Server);
        json.WriteEndObject();
    }
}
