using k8s.Models;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Blueprint.Rules;

namespace Tazlab.Blueprint.Tests.Rules;

public class OperatorRulesTests
{
    private static readonly Planning.Plan Prod = PlanFixture.Of("prod");

    [Theory]
    [InlineData("TZ050")]
    [InlineData("TZ051")]
    [InlineData("TZ052")]
    [InlineData("TZ053")]
    [InlineData("TZ054")]
    public void Committed_stacks_pass(string ruleId)
    {
        Assert.Equal(RuleStatus.Pass, Prod.Check(ruleId).Status);
        Assert.Equal(RuleStatus.Pass, PlanFixture.Of("dev").Check(ruleId).Status);
    }

    [Fact]
    public void TZ050_trips_on_an_unstable_proxy_image()
    {
        var context = Prod.WithArea<OperatorRendering>(r => r with
        {
            Values = r.Values with { ProxyConfig = r.Values.ProxyConfig with { Image = r.Values.ProxyConfig.Image with { Tag = "unstable" } } },
        });

        var result = context.Evaluate("TZ050");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["tailscale/tailscale:unstable is not pinned to the operator's version v1.96.5"], result.Messages);
    }

    [Fact]
    public void TZ054_trips_on_a_values_key_the_chart_never_reads()
    {
        var context = Prod.WithArea<OperatorRendering>(r => r with
        {
            Files = r.Files.Select(f => f.Path == OperatorRendering.ValuesFile ? f with { Content = f.Content.Replace("  image:\n    repository: tailscale/tailscale\n", "  image:\n    repository: tailscale/tailscale\n    pullPolicy: Always\n", StringComparison.Ordinal) } : f).ToList(),
        });

        var result = context.Evaluate("TZ054");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["operator/values.yaml sets proxyConfig.image.pullPolicy, which no template of tailscale-operator 1.96.5 reads"], result.Messages);
    }

    [Fact]
    public void TZ054_reads_whole_value_keys_and_skips_a_chart_version_it_has_no_record_of()
    {
        Assert.True(OperatorChartValues.Reads("1.96.5", "operatorConfig.resources.limits.cpu"));
        Assert.True(OperatorChartValues.Reads("v1.96.5", "oauth"));
        Assert.False(OperatorChartValues.Reads("1.96.5", "proxyConfig.image"));
        Assert.Null(OperatorChartValues.Reads("1.97.0", "oauth"));

        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:operatorChartVersion", "1.97.0"));

        Assert.Equal(RuleStatus.Skipped, plan.Check("TZ054").Status);
    }

    [Fact]
    public void TZ051_trips_on_inline_oauth_values()
    {
        var context = Prod.WithArea<OperatorRendering>(r => r with
        {
            Values = r.Values with { OAuth = new Dictionary<string, string> { ["clientSecret"] = "x" } },
        });

        var result = context.Evaluate("TZ051");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.StartsWith("the Helm values carry OAuth credentials inline (clientSecret)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void TZ051_trips_on_a_secret_in_another_namespace()
    {
        var context = Prod.WithArea<BootstrapSecretsRendering>(r => r with
        {
            OperatorOAuth = new V1Secret { Metadata = new V1ObjectMeta { Name = "operator-oauth", NamespaceProperty = "default" }, StringData = r.OperatorOAuth!.StringData },
        });

        Assert.Equal(["the OAuth Secret is default/operator-oauth; the chart reads tailscale/operator-oauth"], context.Evaluate("TZ051").Messages);
    }

    [Fact]
    public void TZ052_trips_without_the_privileged_label()
    {
        var context = Prod.WithArea<OperatorRendering>(r => r with
        {
            Namespace = new V1Namespace { Metadata = new V1ObjectMeta { Name = "tailscale" } },
        });

        Assert.Equal(["namespace tailscale does not enforce the privileged Pod Security level, so the proxies cannot start"], context.Evaluate("TZ052").Messages);
    }

    [Fact]
    public void TZ053_trips_when_the_egress_service_is_elsewhere()
    {
        var context = Prod.WithArea<OperatorRendering>(r => r with
        {
            VaultEgress = new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "vault", NamespaceProperty = "tailscale", Annotations = r.VaultEgress.Metadata.Annotations },
                Spec = r.VaultEgress.Spec,
            },
        });

        Assert.Equal(
            ["the egress Service is tailscale/vault, but lushycorp-vault.magellanic-gondola.ts.net rewrites to lushycorp-vault.tailscale"],
            context.Evaluate("TZ053").Messages);
    }
}
