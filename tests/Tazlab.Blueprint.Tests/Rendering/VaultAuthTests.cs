using System.Text;
using System.Text.Json;
using k8s.Models;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Tests.Rendering;

public class VaultAuthTests
{
    private const string VaultUrl = "https://lushycorp-vault.magellanic-gondola.ts.net:8200";
    private const string Issuer = "https://lushycorp-k8s.magellanic-gondola.ts.net:6443";

    [Fact]
    public void Jwt_auth_validates_with_the_public_key_and_binds_grafana_to_the_vault_audience()
    {
        var json = JsonDocument.Parse(PlanFixture.Of("prod").File(VaultAuthRendering.JwtAuthFile)).RootElement;

        Assert.Equal("jwt", json.GetProperty("mount").GetString());
        var config = json.GetProperty("config");
        Assert.Equal(Issuer, config.GetProperty("bound_issuer").GetString());
        Assert.Equal(["<apply-time:service-account-public-key>"], config.GetProperty("jwt_validation_pubkeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["bound_issuer", "jwt_validation_pubkeys"], config.EnumerateObject().Select(p => p.Name));

        // The configured role, then External Secrets' own.
        Assert.Equal(["grafana-consumer", "external-secrets"], json.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var role = json.GetProperty("roles")[0];
        Assert.Equal("jwt", role.GetProperty("role_type").GetString());
        Assert.Equal([VaultUrl], role.GetProperty("bound_audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("system:serviceaccount:monitoring:grafana-sa", role.GetProperty("bound_subject").GetString());
        Assert.Equal("sub", role.GetProperty("user_claim").GetString());
        Assert.Equal(86400, role.GetProperty("token_ttl").GetInt64());
        Assert.Equal(86400, role.GetProperty("token_max_ttl").GetInt64());
        Assert.Equal(["jwt-grafana-consumer"], role.GetProperty("token_policies").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Jwks_url_mode_sets_the_jwks_url_and_the_cluster_ca_instead_of_the_key()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtValidationMode", "jwks-url"));
        var config = JsonDocument.Parse(plan.File(VaultAuthRendering.JwtAuthFile)).RootElement.GetProperty("config");

        Assert.Equal(["bound_issuer", "jwks_url", "jwks_ca_pem"], config.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{Issuer}/openid/v1/jwks", config.GetProperty("jwks_url").GetString());
        Assert.Equal("<apply-time:kubernetes-ca-certificate>", config.GetProperty("jwks_ca_pem").GetString());
    }

    [Fact]
    public void Eso_reader_policy_reads_data_and_lists_metadata_below_the_prefix_only()
    {
        var document = HclReader.Read(PlanFixture.Of("prod").File("vault/policies/eso-reader.hcl"));

        var paths = document.Blocks("path").Select(b => (b.Labels.Single(), Assert.IsType<HclList>(b.Argument("capabilities")).Strings().Single())).ToList();
        Assert.Equal([("secret/data/tazlab/*", "read"), ("secret/metadata/tazlab/*", "list")], paths);
        Assert.Equal(2, document.Body.Count);
    }

    [Fact]
    public void Cluster_secret_store_reads_vault_by_its_url_with_the_apply_time_ca_and_logs_in_as_external_secrets()
    {
        var plan = PlanFixture.Of("prod");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(plan.File(VaultAuthRendering.ClusterSecretStoreFile)));
        var store = (YamlMappingNode)yaml.Documents.Single().RootNode;

        Assert.Equal("external-secrets.io/v1", Scalar(store, "apiVersion"));
        Assert.Equal("ClusterSecretStore", Scalar(store, "kind"));
        Assert.Equal("tazlab-secrets-vault", Scalar(store, "metadata", "name"));
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], store.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(VaultUrl, Scalar(store, "spec", "provider", "vault", "server"));
        Assert.Equal("secret", Scalar(store, "spec", "provider", "vault", "path"));
        Assert.Equal("v2", Scalar(store, "spec", "provider", "vault", "version"));
        Assert.Equal("<apply-time:vault-ca-certificate>", Encoding.UTF8.GetString(Convert.FromBase64String(Scalar(store, "spec", "provider", "vault", "caBundle"))));
        // No long-lived token: ESO asks for a ten-minute token of its own service account, for Vault's audience, at each login.
        Assert.Equal("jwt", Scalar(store, "spec", "provider", "vault", "auth", "jwt", "path"));
        Assert.Equal("external-secrets", Scalar(store, "spec", "provider", "vault", "auth", "jwt", "role"));
        Assert.Equal("external-secrets", Scalar(store, "spec", "provider", "vault", "auth", "jwt", "kubernetesServiceAccountToken", "serviceAccountRef", "name"));
        Assert.Equal("external-secrets", Scalar(store, "spec", "provider", "vault", "auth", "jwt", "kubernetesServiceAccountToken", "serviceAccountRef", "namespace"));
        Assert.Equal("600", Scalar(store, "spec", "provider", "vault", "auth", "jwt", "kubernetesServiceAccountToken", "expirationSeconds"));
        Assert.DoesNotContain("tokenSecretRef", plan.File(VaultAuthRendering.ClusterSecretStoreFile), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Context.Rendering.Files, f => f.Path.StartsWith("eso/", StringComparison.Ordinal) && f.Path != VaultAuthRendering.ClusterSecretStoreFile);

        var role = JsonDocument.Parse(plan.File(VaultAuthRendering.JwtAuthFile)).RootElement.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "external-secrets");
        Assert.Equal("system:serviceaccount:external-secrets:external-secrets", role.GetProperty("bound_subject").GetString());
        Assert.Equal([VaultUrl], role.GetProperty("bound_audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["eso-reader"], role.GetProperty("token_policies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(3600, role.GetProperty("token_ttl").GetInt64());
    }

    [Fact]
    public void Every_role_gets_its_own_policy_on_its_own_folders_named_after_the_stacks_mount()
    {
        var prod = PlanFixture.Of("prod");
        var dev = PlanFixture.Of("dev");

        // The role a stack configures grants exactly the policy written for it; dev's, on prod's Vault, is the one prod
        // writes from its grant, and dev renders the same text.
        foreach (var (plan, name, prefix) in new[] { (prod, "jwt-grafana-consumer", "tazlab"), (dev, "tazlab-grant-dev-grafana-consumer", "tazlab-dev") })
        {
            var role = JsonDocument.Parse(plan.File(VaultAuthRendering.JwtAuthFile)).RootElement.GetProperty("roles")[0];
            Assert.Equal([name], role.GetProperty("token_policies").EnumerateArray().Select(a => a.GetString()));
            var policy = HclReader.Read(plan.File($"vault/policies/{name}.hcl"));
            Assert.Equal([$"secret/data/{prefix}/grafana/*", $"secret/metadata/{prefix}/grafana/*"], policy.Blocks("path").Select(b => b.Labels.Single()));
        }

        Assert.Equal(prod.File("vault/access/tazlab-grant-dev-grafana-consumer.hcl"), dev.File("vault/policies/tazlab-grant-dev-grafana-consumer.hcl"));
        Assert.Equal(prod.File("vault/access/tazlab-grant-dev-eso-reader.hcl"), dev.File("vault/policies/tazlab-grant-dev-eso-reader.hcl"));
    }

    [Fact]
    public void A_role_without_folders_reads_the_folder_named_after_it()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtRoles", "[{name: loki, namespace: monitoring, serviceAccount: loki, tokenTtl: 1h}]"));

        var policy = HclReader.Read(plan.File("vault/policies/jwt-loki.hcl"));
        Assert.Equal(["secret/data/tazlab/loki/*", "secret/metadata/tazlab/loki/*"], policy.Blocks("path").Select(b => b.Labels.Single()));
    }

    [Fact]
    public void Dev_configures_its_own_mount_issuer_and_reader_on_prods_vault()
    {
        var plan = PlanFixture.Of("dev");
        var json = JsonDocument.Parse(plan.File(VaultAuthRendering.JwtAuthFile)).RootElement;

        Assert.Equal("jwt-dev", json.GetProperty("mount").GetString());
        Assert.Equal("https://lushycorp-k8s-dev.magellanic-gondola.ts.net:6443", json.GetProperty("config").GetProperty("bound_issuer").GetString());
        var policy = HclReader.Read(plan.File("vault/policies/tazlab-grant-dev-eso-reader.hcl"));
        Assert.Equal(["secret/data/tazlab-dev/*", "secret/metadata/tazlab-dev/*"], policy.Blocks("path").Select(b => b.Labels.Single()));
        Assert.Contains(plan.Context.Rendering.Files, f => f.Path == VaultAuthRendering.ClusterSecretStoreFile);
    }

    [Fact]
    public void A_role_audience_from_config_is_bound_as_given()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtRoles", $"[{{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, audience: '{Issuer}', tokenTtl: 1h, tokenMaxTtl: 2h}}]"));
        var role = JsonDocument.Parse(plan.File(VaultAuthRendering.JwtAuthFile)).RootElement.GetProperty("roles")[0];

        Assert.Equal([Issuer], role.GetProperty("bound_audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal((3600, 7200), (role.GetProperty("token_ttl").GetInt64(), role.GetProperty("token_max_ttl").GetInt64()));
    }

    [Fact]
    public void Plan_json_lists_the_auth_facts()
    {
        var plan = PlanFixture.Of("prod");
        var facts = JsonDocument.Parse(PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.PlanJsonFile).Value).RootElement
            .GetProperty("renderings").GetProperty("vaultAuth");

        Assert.Equal("jwt", facts.GetProperty("mount").GetString());
        Assert.Equal("pubkeys", facts.GetProperty("mode").GetString());
        Assert.Equal(["grafana-consumer", "external-secrets"], facts.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var role = facts.GetProperty("roles")[0];
        Assert.Equal("system:serviceaccount:monitoring:grafana-sa", role.GetProperty("boundSubject").GetString());
        Assert.Equal([VaultUrl], role.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["eso-reader", "jwt-grafana-consumer"], facts.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(VaultUrl, facts.GetProperty("storeServer").GetString());
    }

    [Fact]
    public void Api_server_audiences_are_the_issuer_and_the_vault_url()
    {
        var names = PlanFixture.Of("prod").Context.Names;

        Assert.Equal([Issuer], names.ApiServerAudiences);
        Assert.Equal(VaultUrl, names.VaultAudience);
    }

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return ((YamlScalarNode)current).Value!;
    }
}
