using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Tests;

/// <summary>
/// <c>talos upgrade-node</c> and <c>talos upgrade-k8s</c> against a stand-in talosctl (a real process, a shell script
/// that records its arguments and the talosconfig it was given, and answers as talosctl does).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TalosUpgradeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tazlab-talosctl-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Upgrade_node_runs_talosctl_with_a_talosconfig_only_the_user_can_read_and_removes_it_afterwards()
    {
        var talosctl = StandIn(tag: "v1.12.1");

        var run = CliRun.WithEnvironment(_folder, Environment(talosctl), "talos", "upgrade-node", "--node", "192.168.1.91", "--endpoint", "192.168.1.81", "--image", "factory.talos.dev/nocloud-installer/abc:v1.12.1", "--version", "v1.12.1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("talos: node 192.168.1.91: upgraded to v1.12.1, cluster healthy", run.Stderr, StringComparison.Ordinal);
        var calls = File.ReadAllLines(Path.Combine(_folder, "calls"));
        Assert.Equal(3, calls.Length);
        Assert.Matches("^--talosconfig \\S+/talosconfig upgrade --nodes 192.168.1.91 --endpoints 192.168.1.81 --image factory.talos.dev/nocloud-installer/abc:v1.12.1 --wait --timeout 30m$", calls[0]);
        Assert.Equal(["600 the-talosconfig"], File.ReadAllLines(Path.Combine(_folder, "config-seen")).Distinct());
        var configPath = calls[0].Split(' ')[1];
        Assert.False(File.Exists(configPath));
        Assert.DoesNotContain("the-talosconfig", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rolled_back_node_exits_1_naming_it()
    {
        var talosctl = StandIn(tag: "v1.12.0");

        var run = CliRun.WithEnvironment(_folder, Environment(talosctl), "talos", "upgrade-node", "--node", "192.168.1.91", "--endpoint", "192.168.1.81", "--image", "img", "--version", "v1.12.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("node 192.168.1.91: came back at v1.12.0, not v1.12.1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Upgrade_k8s_passes_the_version_without_its_v()
    {
        var talosctl = StandIn(tag: "v1.12.1");

        var run = CliRun.WithEnvironment(_folder, Environment(talosctl), "talos", "upgrade-k8s", "--endpoint", "192.168.1.81", "--to", "v1.35.1");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("upgrade-k8s --nodes 192.168.1.81 --endpoints 192.168.1.81 --to 1.35.1", File.ReadAllLines(Path.Combine(_folder, "calls"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_talosctl_nothing_starts_and_the_message_says_what_to_install()
    {
        var run = CliRun.WithEnvironment(_folder, new Dictionary<string, string> { ["PATH"] = _folder, [TalosEnvironment.TalosconfigVariable] = "x" }, "talos", "upgrade-k8s", "--endpoint", "192.168.1.81", "--to", "v1.35.1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("talosctl: not found on PATH", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_talosconfig_nothing_starts()
    {
        var talosctl = StandIn(tag: "v1.12.1");

        var run = CliRun.WithEnvironment(_folder, new Dictionary<string, string> { [TalosEnvironment.TalosctlVariable] = talosctl }, "talos", "upgrade-k8s", "--endpoint", "192.168.1.81", "--to", "v1.35.1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{TalosEnvironment.TalosconfigVariable}: not set", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "calls")));
    }

    private static Dictionary<string, string> Environment(string talosctl) => new()
    {
        [TalosEnvironment.TalosctlVariable] = talosctl,
        [TalosEnvironment.TalosconfigVariable] = "the-talosconfig",
    };

    /// <summary>A talosctl that logs "args" per call, the talosconfig's mode and text, and prints a version block.</summary>
    private string StandIn(string tag)
    {
        var path = Path.Combine(_folder, "talosctl");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            echo "$*" >> '{{_folder}}/calls'
            echo "$(stat -c %a "$2") $(cat "$2")" >> '{{_folder}}/config-seen'
            case "$3" in
              version) printf 'Client:\n\tTag:         v1.13.0\nServer:\n\tNODE:        %s\n\tTag:         {{tag}}\n' "$5" ;;
            esac
            exit 0
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
