using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What hashicorp/terraform-provider-vault v5.10.1 (through Pulumi.Vault 7.11.0) and Vault do with what the program
/// registers (docs/provider-contracts.md, Vault): one mount per path, and the provider's own token is a child that
/// dies after twenty minutes.
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

    [Fact]
    public async Task The_reader_token_outlives_the_providers_child_token()
    {
        var run = await ProgramRun.Of("prod");

        Assert.Equal(true, run.Mocks.Single(Token, "eso-reader").Inputs["noParent"]);
    }
}
