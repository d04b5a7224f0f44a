using Tazlab.Infra.Tests.Engine;
using Tazlab.Stacks.Configuration;

namespace Tazlab.Infra.Tests;

/// <summary>Bad input stops the program before any resource is registered, with every problem named by its key.</summary>
public class RefusalTests
{
    private static async Task<ProgramRun> Refused(string stack, Func<StackConfigSource, StackConfigSource> edit)
    {
        var run = await ProgramRun.Of(stack, edit);
        Assert.NotNull(run.Error);
        Assert.Empty(run.Mocks.Registered);
        Assert.IsType<Pulumi.RunException>(run.Error);
        return run;
    }

    [Fact]
    public async Task Invalid_configuration_registers_nothing_and_names_each_key()
    {
        var run = await Refused("prod", source => ProgramRun.With(
            ProgramRun.With(source, "tazlab:corednsClusterIp", new ConfigScalar("10.200.0.10")),
            "tazlab:vaultApiPrt",
            new ConfigScalar("8200")));

        var message = run.Error!.Message;
        Assert.StartsWith("The stack's configuration has 2 problems; nothing was registered:", message, StringComparison.Ordinal);
        Assert.Contains("tazlab:corednsClusterIp: 10.200.0.10 is outside tazlab:serviceCidr (10.96.0.0/12); expected an address inside 10.96.0.0/12", message, StringComparison.Ordinal);
        Assert.Contains("tazlab:vaultApiPrt: unknown key (did you mean 'tazlab:vaultApiPort'?)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_reported_with_how_to_set_them()
    {
        var run = await Refused("prod", source => ProgramRun.Without(ProgramRun.Without(source, "hcloud:token"), "tazlab:fluxGitToken"));

        Assert.Contains("hcloud:token: not set; pulumi up needs it; expected a Hetzner Cloud API token with read and write access to the project, set with 'pulumi config set --secret hcloud:token <value>'", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("tazlab:fluxGitToken: not set", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bootstrap_deadlock_is_refused_before_anything_is_touched()
    {
        var run = await Refused("prod", source => ProgramRun.With(source, "tazlab:operatorOAuthSource", new ConfigScalar("vault")));

        Assert.StartsWith("The stack's safety checks has", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("TZ001", run.Error.Message, StringComparison.Ordinal);
        Assert.Contains("operator-oauth-secret", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_plain_text_is_refused()
    {
        var run = await Refused("prod", source => ProgramRun.With(source, "hcloud:token", new ConfigScalar("plain-token")));

        Assert.Contains("hcloud:token", run.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-token", run.Error.Message, StringComparison.Ordinal);
    }
}
