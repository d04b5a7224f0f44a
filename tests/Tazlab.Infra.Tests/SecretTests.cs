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
    public async Task Prod_exports_what_dev_reads_and_no_output_or_provider_input_holds_a_root_token()
    {
        var run = await ProgramRun.Of("prod");

        Assert.Superset(StackOutputs.Referenced.ToHashSet(), run.Deployment!.Outputs.Keys.ToHashSet());
        Assert.Equal("https://lushycorp-vault.magellanic-gondola.ts.net:8200", await StackOutputValue.Text(run.Deployment.Outputs[StackOutputs.VaultApiUrl]));
        foreach (var (name, value) in run.Deployment.Outputs)
        {
            Assert.DoesNotContain("root", await StackOutputValue.Text(value), StringComparison.OrdinalIgnoreCase);
        }

        // The provider logs in with the program's AppRole credential from the init, and holds no token.
        var provider = Assert.Single(run.Mocks.OfType("pulumi:providers:vault"));
        Assert.False(provider.Inputs.ContainsKey("token"));
        // A provider's object inputs reach the engine as JSON text.
        using var login = System.Text.Json.JsonDocument.Parse((string)provider.Inputs["authLogin"]);
        Assert.Equal("auth/approle/login", login.RootElement.GetProperty("path").GetString());
        var parameters = login.RootElement.GetProperty("parameters");
        Assert.Equal($"{ProgramRun.Marker}-role-id", SecretText(parameters.GetProperty("role_id")));
        Assert.Equal($"{ProgramRun.Marker}-secret-id", SecretText(parameters.GetProperty("secret_id")));
        Assert.Equal("true", provider.Inputs["skipChildToken"].ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task Prod_gives_dev_its_own_credential_as_a_secret_output()
    {
        var run = await ProgramRun.Of("prod");

        var credentials = run.Deployment!.Outputs[StackOutputs.VaultStackCredentials];
        Assert.True(await StackOutputValue.IsSecret(credentials));
        var text = await StackOutputValue.Text(credentials);
        Assert.Contains($"{ProgramRun.Marker}-grant-role-id-tazlab-grant-dev", text, StringComparison.Ordinal);
        Assert.Contains($"{ProgramRun.Marker}-grant-secret-id-tazlab-grant-dev", text, StringComparison.Ordinal);
        var policy = run.Mocks.Single("vault:index/policy:Policy", "tazlab-grant-dev");
        var contents = (string)policy.Inputs["policy"];
        Assert.Contains("path \"sys/auth/jwt-dev\"", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("path \"sys/auth/jwt\"", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("sys/policies/acl", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("sys/mounts/secret", contents, StringComparison.Ordinal);
        // Prod writes dev's role and reader policies: dev's credential cannot.
        Assert.Contains("secret/data/tazlab-dev/grafana/*", (string)run.Mocks.Single("vault:index/policy:Policy", "tazlab-grant-dev-grafana-consumer").Inputs["policy"], StringComparison.Ordinal);
        Assert.Contains("secret/data/tazlab-dev/*", (string)run.Mocks.Single("vault:index/policy:Policy", "tazlab-grant-dev-eso-reader").Inputs["policy"], StringComparison.Ordinal);
        var role = run.Mocks.Single("vault:appRole/authBackendRole:AuthBackendRole", "tazlab-grant-dev");
        Assert.Equal("tazlab-grant-dev", role.Inputs["roleName"]);
        Assert.Equal(new object[] { "tazlab-grant-dev" }, ((System.Collections.Immutable.ImmutableArray<object>)role.Inputs["tokenPolicies"]).ToArray());
        Assert.Equal(true, role.Inputs["tokenNoDefaultPolicy"]);
    }

    [Fact]
    public async Task Dev_logs_in_to_prods_vault_with_the_credential_prod_granted_it()
    {
        var run = await ProgramRun.Of("dev");

        var provider = Assert.Single(run.Mocks.OfType("pulumi:providers:vault"));
        using var login = System.Text.Json.JsonDocument.Parse((string)provider.Inputs["authLogin"]);
        var parameters = login.RootElement.GetProperty("parameters");
        Assert.Equal($"{ProgramRun.Marker}-dev-role-id", SecretText(parameters.GetProperty("role_id")));
        Assert.Equal($"{ProgramRun.Marker}-dev-secret-id", SecretText(parameters.GetProperty("secret_id")));
        Assert.Empty(run.Mocks.OfType("vault:appRole/authBackendRole:AuthBackendRole"));
        // Its policies are prod's to write: dev registers none.
        Assert.Empty(run.Mocks.OfType("vault:index/policy:Policy"));
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
        Assert.Contains("vault token revoke -self", (string)registered.Inputs["create"], StringComparison.Ordinal);
        Assert.DoesNotContain(run.Mocks.OfType(RemoteCommand), c => c.Name == "vault-unseal");
    }

    [Fact]
    public async Task Every_up_unseals_vault_with_the_keys_on_stdin_and_no_preview_touches_it()
    {
        var run = await ProgramRun.Of("prod");

        var unseal = Assert.Single(run.Mocks.Calls, c => c.Token == "command:local:run");
        Assert.Equal("dotnet run --project cli -- vault unseal --url https://lushycorp-vault.magellanic-gondola.ts.net:8200 --ca-file .tazlab/prod/vault-ca.pem", unseal.Args["command"]);
        Assert.Equal("..", unseal.Args["dir"]);
        Assert.Equal(string.Join('\n', Enumerable.Range(1, 5).Select(i => $"{ProgramRun.Marker}-unseal-{i}")) + "\n", unseal.Args["stdin"]);
        Assert.False((bool)unseal.Args["addPreviousOutputInEnv"]);

        var preview = await ProgramRun.Of("prod", source => source, null, preview: true);
        Assert.Null(preview.Error);
        Assert.DoesNotContain(preview.Mocks.Calls, c => c.Token == "command:local:run");
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
        run.Secrets.Verify(s => s.Require("tazlab:backupAccessKeyId"), Times.Once());
        run.Secrets.Verify(s => s.Require("tazlab:backupSecretAccessKey"), Times.Once());
        run.Secrets.Verify(s => s.Require("tazlab:backupPassword"), Times.Once());
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

    /// <summary>A value inside a provider's JSON input: a secret one is the engine's secret envelope, which must be there.</summary>
    private static string? SecretText(System.Text.Json.JsonElement element)
    {
        Assert.Equal(System.Text.Json.JsonValueKind.Object, element.ValueKind);
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", element.GetProperty("4dabf18193072939515e22adb298388d").GetString());
        return element.GetProperty("value").GetString();
    }
}
