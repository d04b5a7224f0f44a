using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rules;

// Not Tazlab.Blueprint.Tests.Rules: PlanFixture names Rules.RuleResult, which that namespace would shadow.
namespace Tazlab.Blueprint.Tests.Checks;

public class VaultAuthRulesTests
{
    private const string VaultUrl = "https://lushycorp-vault.magellanic-gondola.ts.net:8200";
    private const string Issuer = "https://lushycorp-k8s.magellanic-gondola.ts.net:6443";

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Committed_stacks_pass_the_vault_auth_rules(string stack)
    {
        var plan = PlanFixture.Of(stack);

        foreach (var id in new[] { "TZ060", "TZ061", "TZ062", "TZ063", "TZ064", "TZ065" })
        {
            var check = plan.Check(id);
            Assert.True(check.Status == RuleStatus.Pass, $"{id}: {string.Join("; ", check.Messages)}");
        }
    }

    [Fact]
    public void Two_key_sources_or_none_trip_TZ060()
    {
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();

        var both = new JwtKeySourceRule().Evaluate(With(context, WithBackend(auth, auth.JwtAuth.Config with { JwksUrl = context.Names.JwksUri })));
        var none = new JwtKeySourceRule().Evaluate(With(context, WithBackend(auth, new JwtBackendConfig(Issuer))));

        Assert.Equal(RuleStatus.Fail, both.Status);
        Assert.Equal(["the jwt backend sets jwks_url and jwt_validation_pubkeys; Vault accepts exactly one"], both.Messages);
        Assert.Equal(["the jwt backend sets none of oidc_discovery_url, jwks_url, jwt_validation_pubkeys: it cannot validate any token"], none.Messages);
    }

    [Fact]
    public void A_role_binding_the_api_servers_own_audience_trips_TZ061()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtRoles", $"[{{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, audience: '{Issuer}', tokenTtl: 1h}}]"));

        var check = plan.Check("TZ061");

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal([$"role grafana-consumer binds audience {Issuer}, the API server's own: Vault would accept every pod's default token, and a token sent to Vault would work against the API server"], check.Messages);
    }

    [Fact]
    public void A_foreign_bound_issuer_trips_TZ061()
    {
        var plan = PlanFixture.Of("prod");
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ061").Status);

        var context = plan.Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var check = new JwtAudienceRule().Evaluate(With(context, WithBackend(auth, auth.JwtAuth.Config with { BoundIssuer = "https://kubernetes.default.svc.cluster.local" })));

        Assert.Equal([$"the jwt backend's bound_issuer is https://kubernetes.default.svc.cluster.local, not the service-account issuer {Issuer}"], check.Messages);
    }

    [Fact]
    public void Write_capabilities_and_broad_paths_trip_TZ062()
    {
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var greedy = new VaultPolicy("eso-reader", [],
        [
            new VaultPolicyPath("secret/data/tazlab/*", ["read", "update"]),
            new VaultPolicyPath("secret/*", ["read"]),
            new VaultPolicyPath("secret/metadata/*", ["list"]),
            new VaultPolicyPath("+/*", ["list"]),
            new VaultPolicyPath("sys/*", ["deny"]),
        ]);

        var check = new VaultPolicyCapabilitiesRule().Evaluate(With(context, VaultAuthRenderer.Assemble(auth.Mode, auth.JwtAuth, [greedy], auth.Store)));

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            [
                "policy eso-reader grants update on \"secret/data/tazlab/*\"",
                "policy eso-reader grants read on \"secret/*\", the root of mount secret",
                "policy eso-reader grants list on \"secret/metadata/*\", every secret in the KV store secret",
                "policy eso-reader grants list on \"+/*\", a wildcard-only path (every mount)",
            ],
            check.Messages);
    }

    [Fact]
    public void A_ttl_above_a_day_warns_TZ063()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtRoles", "[{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, tokenTtl: 48h}]"));

        var check = plan.Check("TZ063");

        Assert.Equal(RuleStatus.Warn, check.Status);
        Assert.Equal(["role grafana-consumer: token_ttl 48h is above 24h; a token from a revoked service account stays valid that long"], check.Messages);
    }

    [Fact]
    public void Ttls_out_of_vaults_limits_trip_TZ063()
    {
        // Configuration validation already refuses these; the rule guards what is rendered.
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var role = auth.JwtAuth.Roles[0];
        var broken = auth.JwtAuth with { Roles = [role with { TokenTtl = 0 }, role with { Name = "forever", TokenTtl = 3600, TokenMaxTtl = 1000 * 3600 }] };

        var check = new JwtRoleTtlRule().Evaluate(With(context, VaultAuthRenderer.Assemble(auth.Mode, broken, auth.Policies, auth.Store)));

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            [
                "role grafana-consumer: token_ttl 0s is outside (0, 768h]",
                "role forever: token_max_ttl 1000h is outside [token_ttl 1h, 768h]",
            ],
            check.Messages);
    }

    [Fact]
    public void Jwks_url_mode_trips_TZ064_with_the_fix_use_pubkeys()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtValidationMode", "jwks-url"));

        var check = plan.Check("TZ064");

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal([$"the jwt backend fetches keys from jwks_url {Issuer}/openid/v1/jwks, but Talos runs kube-apiserver with anonymous auth off, so Vault is refused (siderolabs/talos #8336)"], check.Messages);
        Assert.StartsWith("use pubkeys", check.Fix, StringComparison.Ordinal);
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ060").Status);
    }

    [Fact]
    public void A_store_on_another_name_without_the_ca_trips_TZ065()
    {
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var vault = auth.Store.Vault with { Server = "https://lushycorp-api.ts.tazlab.net:8200", CaBundle = "" };
        var store = auth.Store with { Spec = auth.Store.Spec with { Provider = auth.Store.Spec.Provider with { Vault = vault } } };

        var check = new ClusterSecretStoreRule().Evaluate(With(context, VaultAuthRenderer.Assemble(auth.Mode, auth.JwtAuth, auth.Policies, store)));

        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Equal(
            [
                $"the store's server is https://lushycorp-api.ts.tazlab.net:8200, not the Vault API URL {VaultUrl}",
                "the store has no caBundle: ESO would check Vault's certificate against public roots and fail",
            ],
            check.Messages);
    }

    [Fact]
    public void A_ca_bundle_from_elsewhere_or_a_login_as_another_account_on_another_mount_trips_TZ065()
    {
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var jwt = auth.Store.Vault.Auth.Jwt;
        var vault = auth.Store.Vault with
        {
            CaBundle = Convert.ToBase64String("-----BEGIN CERTIFICATE-----\nold\n-----END CERTIFICATE-----\n"u8.ToArray()),
            Auth = new(jwt with
            {
                Path = "jwt-dev",
                KubernetesServiceAccountToken = jwt.KubernetesServiceAccountToken with { ServiceAccountRef = new("default", "kube-system"), Audiences = [Issuer] },
            }),
        };
        var store = auth.Store with { Spec = auth.Store.Spec with { Provider = auth.Store.Spec.Provider with { Vault = vault } } };

        var check = new ClusterSecretStoreRule().Evaluate(With(context, VaultAuthRenderer.Assemble(auth.Mode, auth.JwtAuth, auth.Policies, store)));

        Assert.Equal(
            [
                "the store's caBundle is not the apply-time Vault CA (<apply-time:vault-ca-certificate>)",
                "the store logs in on jwt-dev, not the stack's JWT mount jwt",
                "the store logs in as kube-system/default, not External Secrets' own service account external-secrets/external-secrets",
                $"the store's login token is for [{Issuer}], not Vault's audience {VaultUrl}",
                "role external-secrets binds system:serviceaccount:external-secrets:external-secrets with [eso-reader]; External Secrets' role binds system:serviceaccount:kube-system:default with [eso-reader] only",
            ],
            check.Messages);
    }

    [Fact]
    public void A_store_logging_in_through_a_role_the_backend_lacks_trips_TZ065()
    {
        var context = PlanFixture.Of("prod").Context;
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var jwt = auth.JwtAuth with { Roles = [.. auth.JwtAuth.Roles.Where(r => r.Name != "external-secrets")] };

        var check = new ClusterSecretStoreRule().Evaluate(With(context, VaultAuthRenderer.Assemble(auth.Mode, jwt, auth.Policies, auth.Store)));

        Assert.Equal(["the store logs in through role external-secrets, which the jwt backend does not have"], check.Messages);
    }

    private static VaultAuthRendering WithBackend(VaultAuthRendering auth, JwtBackendConfig backend) =>
        VaultAuthRenderer.Assemble(auth.Mode, auth.JwtAuth with { Config = backend }, auth.Policies, auth.Store);

    private static PlanContext With(PlanContext context, IAreaRendering replacement) => context with
    {
        Rendering = new PlatformRendering(context.Rendering.Areas.Select(a => a.GetType() == replacement.GetType() ? replacement : a).ToList()),
    };
}
