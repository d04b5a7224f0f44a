using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

public class RepositoryStacksTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Committed_stack_loads_without_errors_or_warnings(string stack)
    {
        var result = StackLoader.Load(RepoPaths.Root, stack);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Config);
    }

    [Fact]
    public void Prod_carries_the_production_values()
    {
        var config = StackLoader.Load(RepoPaths.Root, "prod").Config!;
        var names = PlatformNames.From(config);

        Assert.Equal(PartOwnership.Own, config.Ownership.TailnetPolicy);
        Assert.Equal("magellanic-gondola.ts.net", config.Tailnet.Name);
        Assert.Equal("https://lushycorp-vault.magellanic-gondola.ts.net:8200", names.VaultApiUrl);
        Assert.Equal("https://lushycorp-k8s.magellanic-gondola.ts.net:6443", names.ServiceAccountIssuer);
        Assert.Equal("10.96.0.10", config.CoreDns.ClusterIp.ToString());
        Assert.Equal(["tag:tazlab-vault", "tag:vault-api"], config.Vault.Tags);
        Assert.Equal(OAuthSecretSource.Bootstrap, config.Operator.OAuthSource);
        var operatorClient = Assert.Single(config.Tailnet.OAuthClients, c => c.Name == config.Tailnet.OperatorOAuthClient);
        Assert.Equal(["devices:core", "auth_keys", "services"], operatorClient.Scopes);
        Assert.Equal(["tag:k8s-operator"], operatorClient.Tags);
        var role = Assert.Single(config.VaultAuth.Roles);
        Assert.Equal("system:serviceaccount:monitoring:grafana-sa", role.BoundSubject);
        Assert.Equal(TimeSpan.FromHours(24), role.TokenTtl);
        Assert.Equal("tazlab-secrets-vault", config.ExternalSecrets.StoreName);
    }

    [Fact]
    public void Dev_references_prod_and_owns_no_policy()
    {
        var config = StackLoader.Load(RepoPaths.Root, "dev").Config!;

        Assert.Equal(PartOwnership.Reference, config.Ownership.TailnetPolicy);
        Assert.Equal(PartOwnership.Reference, config.Ownership.VaultServer);
        Assert.Equal("prod", config.Ownership.ReferenceStackName);
        Assert.Empty(config.Tailnet.OAuthClients);
    }

    [Fact]
    public void Secrets_are_references_not_values()
    {
        var config = StackLoader.Load(RepoPaths.Root, "prod").Config!;

        Assert.Equal("tazlab:fluxGitToken", config.BootstrapSecrets.FluxGitToken.Key);
        Assert.False(config.BootstrapSecrets.FluxGitToken.IsSet);
        Assert.Equal("[secret tazlab:fluxGitToken]", config.BootstrapSecrets.FluxGitToken.ToString());
    }
}
