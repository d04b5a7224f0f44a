using Moq;
using Pulumi;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;
using RemoteCommandArgs = Pulumi.Command.Remote.CommandArgs;

using Tazlab.Components.Tests;

namespace Tazlab.Infra.Tests;

/// <summary>Secrets are Pulumi secrets end to end: in the stack outputs, in the resources' inputs, and never in a plain output.</summary>
public class SecretTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_credential_output_is_secret_and_no_other_output_holds_one(string stack)
    {
        var run = await ProgramRun.Of(stack);
        Assert.Null(run.Error);

        foreach (var (name, value) in run.Deployment!.Outputs)
        {
            var output = StackOutputValue.AsOutput(value);
            var secret = await Output.IsSecretAsync(output);
            if (StackOutputs.Secret.Contains(name))
            {
                Assert.True(secret, $"{name} must be secret");
            }
            else
            {
                Assert.False(secret, $"{name} carries no credential and should be readable");
                Assert.DoesNotContain(ProgramRun.Marker, await OutputValue.Of(output), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Prod_exports_what_dev_reads_and_the_admin_token_is_the_one_from_init()
    {
        var run = await ProgramRun.Of("prod");

        Assert.Superset(StackOutputs.Referenced.ToHashSet(), run.Deployment!.Outputs.Keys.ToHashSet());
        Assert.Equal($"{ProgramRun.Marker}-root-token", await StackOutputValue.Text(run.Deployment.Outputs[StackOutputs.VaultAdminToken]));
        Assert.Equal("https://lushycorp-vault.magellanic-gondola.ts.net:8200", await StackOutputValue.Text(run.Deployment.Outputs[StackOutputs.VaultApiUrl]));
    }

    [Fact]
    public async Task Vault_is_initialised_once_over_the_tailnet_and_its_keys_never_logged()
    {
        var run = await ProgramRun.Of("prod");

        var init = run.Single(RemoteCommand, "vault-init");
        Assert.Contains("stdout", init.Options is CustomResourceOptions o ? o.AdditionalSecretOutputs : []);
        var initArgs = (RemoteCommandArgs)init.Args;
        Assert.Equal("stderr", (await OutputValue.Of<Pulumi.Command.Remote.Logging>(initArgs.Logging!)).ToString());
        var registered = run.Mocks.Single(RemoteCommand, "vault-init");
        var connection = (System.Collections.Immutable.ImmutableDictionary<string, object>)registered.Inputs["connection"];
        Assert.Equal("lushycorp-vault.magellanic-gondola.ts.net", connection["host"]);
        Assert.Equal($"{ProgramRun.Marker}:tazlab:vaultSshPrivateKey", connection["privateKey"]);
        Assert.Contains("vault operator init -key-shares=5 -key-threshold=3 -format=json", (string)registered.Inputs["create"], StringComparison.Ordinal);

        var unseal = run.Mocks.Single(RemoteCommand, "vault-unseal");
        Assert.Equal(string.Join('\n', Enumerable.Range(1, 5).Select(i => $"{ProgramRun.Marker}-unseal-{i}")) + "\n", unseal.Inputs["stdin"]);
        var unsealArgs = (RemoteCommandArgs)run.Single(RemoteCommand, "vault-unseal").Args;
        Assert.True(await Output.IsSecretAsync<string>(unsealArgs.Stdin!));
        Assert.DoesNotContain(ProgramRun.Marker, (string)unseal.Inputs["create"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_pruning_takes_its_credentials_from_the_environment_of_the_run_and_keeps_none_in_the_state()
    {
        var run = await ProgramRun.Of("prod");

        var prune = run.Mocks.Single(LocalCommand, "prune");
        Assert.Equal("dotnet run --project cli -- tailnet prune --stack prod --older-than 0s", prune.Inputs["create"]);
        Assert.Equal("dotnet run --project cli -- tailnet prune --stack prod --older-than 0s --include-online", prune.Inputs["delete"]);
        // A local command inherits the environment of the up or destroy that runs it; stored, the credentials would be
        // one machine's, stale after a rotation, and what destroy used.
        Assert.False(prune.Inputs.ContainsKey("environment"));
        Assert.DoesNotContain(prune.Inputs.Values, v => v?.ToString()?.Contains(ProgramRun.Marker, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task No_tailscale_credentials_in_the_environment_refuse_the_run_before_anything_is_registered()
    {
        var run = await ProgramRun.Of("prod", source => source, null, environment: new Dictionary<string, string>());

        Assert.NotNull(run.Error);
        Assert.Contains("TAILSCALE_API_KEY: not in the environment of this run", run.Error!.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.Mocks.Registered);
    }

    [Fact]
    public async Task Secrets_come_from_the_stack_secrets_they_are_named_by()
    {
        var run = await ProgramRun.Of("prod");

        run.Secrets.Verify(s => s.Require("tazlab:fluxGitToken"), Times.Once());
        run.Secrets.Verify(s => s.Require("tazlab:vaultSshPrivateKey"), Times.Once());
        run.Secrets.Verify(s => s.Require("proxmoxve:apiToken"), Times.Once());
        var flux = run.Mocks.Single(Secret, "flux-git-credential");
        Assert.Equal($"{ProgramRun.Marker}:tazlab:fluxGitToken", ((System.Collections.Immutable.ImmutableDictionary<string, object>)flux.Inputs["stringData"])["password"]);
        var proxmox = Assert.Single(run.Mocks.OfType(ProxmoxProvider));
        Assert.Equal($"{ProgramRun.Marker}:proxmoxve:apiToken", proxmox.Inputs["apiToken"]);
    }

    [Fact]
    public async Task Dev_never_asks_for_vaults_ssh_key()
    {
        var run = await ProgramRun.Of("dev");

        run.Secrets.Verify(s => s.Require("tazlab:vaultSshPrivateKey"), Times.Never());
    }
}
