using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What hashicorp/terraform-provider-vault v5.10.1 (through Pulumi.Vault 7.11.0) and Vault do with what the program
/// registers (docs/provider-contracts.md, Vault): one mount per path, and no token the program would have to keep alive.
/// </summary>
public class VaultContractTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public async Task Mounts_are_disabled_before_a_replacement_takes_their_path(string stack)
    {
        var run = await ProgramRun.Of(stack);

        var mounts = run.OfType(JwtBackend).Concat(run.OfType(Mount)).ToList();
        Assert.NotEmpty(mounts);
        Assert.All(mounts, m => Assert.True(m.Custom.DeleteBeforeReplace, $"{m.Type} {m.Name}"));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public async Task Every_jwt_role_lives_on_the_backend_the_stack_mounts(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // A role on a path with no backend is refused by Vault; destroying the backend deletes its roles with it.
        var backend = (string)Assert.Single(run.Mocks.OfType(JwtBackend)).Inputs["path"];
        Assert.All(run.Mocks.OfType(JwtRole), role => Assert.Equal(backend, role.Inputs["backend"]));
        foreach (var role in run.OfType(JwtRole))
        {
            Assert.Contains(run.Single(JwtBackend, "jwt").Resource, await role.DependsOnAsync());
        }
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public async Task No_vault_token_is_created_so_none_can_outlive_its_holder(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // A vault_token made by the provider is a child of its own twenty-minute token unless no_parent; the store
        // logs in through its JWT role instead, so state holds no long-lived reader token at all.
        Assert.Empty(run.Mocks.OfType(Token));
        Assert.Contains(run.Mocks.OfType(JwtRole), r => (string)r.Inputs["roleName"] == "external-secrets");
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public async Task Login_tokens_keep_the_default_policy_external_secrets_checks_them_with(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // ESO re-uses its token while auth/token/lookup-self succeeds; only Vault's default policy grants that.
        Assert.All(run.Mocks.OfType(JwtRole), r => Assert.False(r.Inputs.TryGetValue("tokenNoDefaultPolicy", out var v) && v is true, (string)r.Inputs["roleName"]));
    }

    [Theory]
    [InlineData("prod", "VAULT-CA")]
    [InlineData("dev", "PROD-VAULT-CA")]
    public async Task The_provider_trusts_vaults_ca_through_a_file_inside_the_project_named_relatively(string stack, string ca)
    {
        var run = await ProgramRun.Of(stack);

        // The provider's configuration is state: an absolute or temp path would be one machine's (a destroy elsewhere
        // finds nothing). The engine starts providers in the program's folder, where this relative path resolves.
        var path = (string)Assert.Single(run.Mocks.OfType(VaultProvider)).Inputs["caCertFile"];
        Assert.Equal($"../.tazlab/{stack}/vault-ca.pem", path);
        Assert.False(Path.IsPathRooted(path));
        Assert.Contains(ca, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grants_role_binds_the_tailnet_its_secret_id_sets_nothing_that_drifts_and_its_role_id_is_secret()
    {
        var run = await ProgramRun.Of("prod");

        // terraform-provider-vault v5.10.1: every secret-id field forces a new one, and num_uses drifts with each login.
        var secretId = run.Mocks.Single("vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId", "tazlab-grant-dev");
        Assert.Equal(["backend", "roleName"], secretId.Inputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("approle", secretId.Inputs["backend"]);
        var role = run.Mocks.Single("vault:appRole/authBackendRole:AuthBackendRole", "tazlab-grant-dev");
        string[] tailnet = ["100.64.0.0/10", "fd7a:115c:a1e0::/48"];
        Assert.Equal(tailnet, ((System.Collections.Immutable.ImmutableArray<object>)role.Inputs["tokenBoundCidrs"]).Cast<string>());
        Assert.Equal(tailnet, ((System.Collections.Immutable.ImmutableArray<object>)role.Inputs["secretIdBoundCidrs"]).Cast<string>());
        Assert.Equal("service", role.Inputs["tokenType"]);
        // The provider warns below 15 minutes (meta.go:61) and never renews: one hour covers a run's Vault calls.
        Assert.Equal(3600d, Convert.ToDouble(role.Inputs["tokenTtl"], System.Globalization.CultureInfo.InvariantCulture));
        var captured = run.Single("vault:appRole/authBackendRole:AuthBackendRole", "tazlab-grant-dev");
        Assert.Contains("roleId", captured.Custom.AdditionalSecretOutputs);
        // The secret id is made for the role, after it; the role after its policy.
        Assert.Contains(captured.Resource, await run.Single("vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId", "tazlab-grant-dev").DependsOnAsync());
        Assert.Contains(run.Single("vault:index/policy:Policy", "tazlab-grant-dev").Resource, await captured.DependsOnAsync());
    }
}
