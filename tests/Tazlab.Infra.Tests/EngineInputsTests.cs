using Pulumi;
using Pulumi.Testing;
using Tazlab.Components.Tests;
using Tazlab.Stacks.Configuration;
using Tazlab.TestSupport;

namespace Tazlab.Infra.Tests;

/// <summary>
/// The program's own surroundings, as the Pulumi SDK presents them: configuration in PULUMI_CONFIG (secrets
/// decrypted and named in PULUMI_CONFIG_SECRET_KEYS), secrets read back through Pulumi.Config as secret outputs.
/// </summary>
public sealed class EngineInputsTests : IDisposable
{
    private readonly string? _config = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
    private readonly string? _secretKeys = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", _config);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", _secretKeys);
    }

    [Fact]
    public async Task Secrets_reach_the_program_only_as_secret_outputs_and_the_model_only_learns_they_are_set()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", """{"tazlab:fluxGitToken":"ghp_real-token","tailscale:oauthClientId":"client-id","tazlab:tailnetName":"magellanic-gondola.ts.net"}""");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", """["tazlab:fluxGitToken"]""");
        EngineInputs? inputs = null;
        Output<string>? token = null;
        Output<string>? clientId = null;
        Output<string>? apiKey = null;

        await Pulumi.Deployment.TestAsync(new PlatformMocks(new Dictionary<string, Func<MockResourceArgs, System.Collections.Immutable.ImmutableDictionary<string, object>>>(), new Dictionary<string, Func<MockCallArgs, System.Collections.Immutable.ImmutableDictionary<string, object>>>()), new TestOptions { ProjectName = "tazlab", StackName = "prod" }, () =>
        {
            inputs = EngineInputs.FromEnvironment();
            var secrets = new PulumiStackSecrets();
            token = secrets.Require("tazlab:fluxGitToken");
            clientId = secrets.Require("tailscale:oauthClientId");
            apiKey = secrets.Get("tailscale:apiKey");
        });

        Assert.Equal(new ConfigSecret(string.Empty), inputs!.Source.Values["tazlab:fluxGitToken"]);
        Assert.Equal(new ConfigScalar("magellanic-gondola.ts.net", Quoted: true), inputs.Source.Values["tazlab:tailnetName"]);
        Assert.Equal(("tazlab", "prod"), (inputs.Source.ProjectName, inputs.Source.StackName));
        Assert.Equal(RepoPaths.Root, inputs.ProjectDirectory);
        Assert.True(await Output.IsSecretAsync(token!));
        Assert.Equal("ghp_real-token", await OutputValue.Of(token!));
        Assert.True(await Output.IsSecretAsync(clientId!));
        Assert.Null(apiKey);
    }
}
