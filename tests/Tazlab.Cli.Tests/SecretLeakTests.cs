using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests;

/// <summary>A recognisable marker in every secret configuration value never reaches stdout, stderr or any written file.</summary>
public class SecretLeakTests
{
    private const string Marker = "TZLEAKMARKER9c1e";

    private static readonly string[] SecretKeys =
    [
        "tazlab:fluxGitToken", "tazlab:vaultSshPrivateKey", "hcloud:token", "proxmoxve:apiToken", "tailscale:oauthClientSecret",
    ];

    [Theory]
    [InlineData("prod", false)]
    [InlineData("prod", true)]
    [InlineData("dev", false)]
    public void Secret_values_stay_out_of_every_output(string stack, bool breakConfig)
    {
        using var project = TempProject.FromRepo();
        foreach (var key in SecretKeys.Where(k => stack == "prod" || k != "tazlab:vaultSshPrivateKey"))
        {
            project.Set(stack, key, $"{{secure: {Marker}}}");
        }

        if (breakConfig)
        {
            // A plain value where a secret belongs must be rejected without echoing it.
            project.Set(stack, "tazlab:fluxGitToken", Marker);
        }

        var outDir = project.PathOf("out-leak");
        var text = CliRun.Of(project.Directory, "plan", "--stack", stack, "--out", outDir);
        var json = CliRun.Of(project.Directory, "plan", "--stack", stack, "--out", outDir, "--format", "json");
        var graph = CliRun.Of(project.Directory, "graph", "--stack", stack);

        Assert.Equal(breakConfig ? 2 : 0, text.ExitCode);
        foreach (var run in new[] { text, json, graph })
        {
            Assert.DoesNotContain(Marker, run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, run.Stderr, StringComparison.Ordinal);
        }

        if (Directory.Exists(outDir))
        {
            foreach (var file in Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain(Marker, File.ReadAllText(file), StringComparison.Ordinal);
            }
        }
    }
}
