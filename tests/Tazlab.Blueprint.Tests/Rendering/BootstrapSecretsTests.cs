using k8s.Models;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rules;

namespace Tazlab.Blueprint.Tests.Rendering;

public class BootstrapSecretsTests
{
    [Fact]
    public void Operator_oauth_and_flux_credential_are_redacted_secrets()
    {
        var plan = PlanFixture.Of("prod");

        var oauth = Assert.IsType<V1Secret>(Assert.Single(KubernetesManifests.Read(plan.File(BootstrapSecretsRendering.OperatorOAuthFile))));
        Assert.Equal("operator-oauth", oauth.Metadata.Name);
        Assert.Equal("tailscale", oauth.Metadata.NamespaceProperty);
        Assert.Equal("<redacted:operator-oauth-client-id>", oauth.StringData["client_id"]);
        Assert.Equal("<redacted:operator-oauth-client-secret>", oauth.StringData["client_secret"]);

        var flux = Assert.IsType<V1Secret>(Assert.Single(KubernetesManifests.Read(plan.File(BootstrapSecretsRendering.FluxGitCredentialFile))));
        Assert.Equal("flux-system", flux.Metadata.NamespaceProperty);
        Assert.Equal("git", flux.StringData["username"]);
        Assert.Equal("<redacted:flux-git-token>", flux.StringData["password"]);
        Assert.Equal(RuleStatus.Pass, plan.Check("TZ070").Status);
    }

    [Fact]
    public void Operator_oauth_from_vault_trips_TZ070()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:operatorOAuthSource", "vault"));

        var check = plan.Check("TZ070");
        Assert.Equal(RuleStatus.Fail, check.Status);
        Assert.Contains("operatorOAuthSource is vault", Assert.Single(check.Messages), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Context.Rendering.Files, f => f.Path == BootstrapSecretsRendering.OperatorOAuthFile);
    }
}
