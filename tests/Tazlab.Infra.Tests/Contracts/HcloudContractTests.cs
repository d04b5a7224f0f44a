using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What hetznercloud/terraform-provider-hcloud v1.66.1 (through Pulumi.HCloud 1.39.1) and Hetzner's API do with what the
/// program registers (docs/provider-contracts.md, Hetzner Cloud): names and key fingerprints are unique in a project,
/// user data forces a new server and is served to every process on it.
/// </summary>
public class HcloudContractTests
{
    [Fact]
    public async Task The_server_its_ssh_key_and_its_firewall_are_deleted_before_they_are_replaced()
    {
        var run = await ProgramRun.Of("prod");

        // Hetzner refuses a second key with the same fingerprint or name, and a second server or firewall of one name.
        Assert.True(run.Single(Server, "server").Custom.DeleteBeforeReplace);
        Assert.True(run.Single(SshKey, "ssh-key").Custom.DeleteBeforeReplace);
        Assert.True(run.Single(Firewall, "firewall").Custom.DeleteBeforeReplace);
        Assert.Equal("lushycorp-vault-prod", run.Mocks.Single(SshKey, "ssh-key").Inputs["name"]);
    }

    [Fact]
    public async Task The_server_keeps_its_user_data_protects_itself_as_the_stack_says_and_its_user_data_holds_no_private_key()
    {
        var run = await ProgramRun.Of("prod");

        var server = run.Single(Server, "server");
        Assert.Equal(["userData", "sshKeys"], server.Options.IgnoreChanges);
        Assert.True(server.Options.Protect);
        var inputs = run.Mocks.Single(Server, "server").Inputs;
        Assert.Equal(true, inputs["deleteProtection"]);
        Assert.Equal(true, inputs["rebuildProtection"]);
        Assert.DoesNotContain("PRIVATE KEY", (string)inputs["userData"], StringComparison.Ordinal);
    }
}
