using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Blueprint.Rules;

namespace Tazlab.Blueprint.Tests.Rules;

public class SingleVaultNameRuleTests
{
    private static readonly Planning.Plan Prod = PlanFixture.Of("prod");

    [Fact]
    public void Committed_stacks_name_vault_once()
    {
        Assert.Equal(RuleStatus.Pass, Prod.Check("TZ023").Status);
        Assert.Equal(RuleStatus.Pass, PlanFixture.Of("dev").Check("TZ023").Status);
    }

    [Fact]
    public void A_role_audience_on_an_alias_trips_it()
    {
        var result = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:vaultJwtRoles", "[{name: r, namespace: monitoring, serviceAccount: sa, audience: 'https://lushycorp-api.ts.tazlab.net:8200', tokenTtl: 1h, secrets: [p]}]")).Check("TZ023");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["JWT role r audience is https://lushycorp-api.ts.tazlab.net:8200; the one Vault name is https://lushycorp-vault.magellanic-gondola.ts.net:8200"], result.Messages);
    }

    [Fact]
    public void Another_store_server_cloud_init_address_or_egress_target_trips_it()
    {
        const string Alias = "https://lushycorp-api.ts.tazlab.net:8200";
        var context = Prod
            .WithArea<VaultAuthRendering>(r => r with { Store = r.Store with { Spec = r.Store.Spec with { Provider = r.Store.Spec.Provider with { Vault = r.Store.Vault with { Server = Alias } } } } });
        var plan = Prod with { Context = context };
        var withServer = plan.WithArea<VaultServerRendering>(r => r with { ApiAddr = Alias, SubjectAlternativeNames = [SubjectAlternativeName.Dns("lushycorp-api.ts.tazlab.net")] });
        var all = (plan with { Context = withServer }).WithArea<OperatorRendering>(r => r with
        {
            VaultEgress = new k8s.Models.V1Service
            {
                Metadata = new k8s.Models.V1ObjectMeta { Name = r.VaultEgress.Metadata.Name, NamespaceProperty = r.VaultEgress.Metadata.NamespaceProperty, Annotations = new Dictionary<string, string> { [OperatorRendering.TailnetFqdnAnnotation] = "lushycorp-api.ts.tazlab.net" } },
                Spec = r.VaultEgress.Spec,
            },
        });

        var result = all.Evaluate("TZ023");

        Assert.Equal(
            [
                "the certificate's SANs do not contain lushycorp-vault.magellanic-gondola.ts.net",
                $"cloud-init api_addr is {Alias}; the one Vault name is https://lushycorp-vault.magellanic-gondola.ts.net:8200",
                $"ClusterSecretStore server is {Alias}; the one Vault name is https://lushycorp-vault.magellanic-gondola.ts.net:8200",
                "egress Service target is lushycorp-api.ts.tazlab.net; the one Vault name is lushycorp-vault.magellanic-gondola.ts.net",
            ],
            result.Messages);
    }
}
