using Tazlab.ClusterApi.Health;
using Tazlab.ClusterApi.Talos;
using Tazlab.TestSupport;
using Tazlab.TestSupport.FakeKubernetes;

namespace Tazlab.Cli.Tests;

/// <summary>
/// The <c>talos</c> commands the Pulumi program runs (upgrade-node, upgrade-k8s, apply-staged, retire-node) on the
/// repository's prod stack, against a stand-in talosctl: a real process, a shell script that records its arguments
/// and the talosconfig it was given, and answers as talosctl does (a node runs v1.12.0 until it is upgraded).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TalosUpgradeCommandTests : IAsyncLifetime
{
    private const string Schematic = "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";
    private const string Image = $"factory.talos.dev/nocloud-installer/{Schematic}:v1.12.1";

    private readonly string _folder = Directory.CreateTempSubdirectory("tazlab-talosctl-test-").FullName;
    private FakeKubernetesApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Calls => File.Exists(Path.Combine(_folder, "calls")) ? File.ReadAllLines(Path.Combine(_folder, "calls")) : [];

    private CliRun Talos(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliRun.WithEnvironment(_folder, environment, ["talos", .. args, "--project-dir", RepoPaths.Root]);

    [Fact]
    public void Upgrade_node_finds_the_node_in_the_stack_runs_talosctl_with_a_user_only_talosconfig_and_removes_it()
    {
        var run = Talos(Environment(StandIn(upgradedTag: "v1.12.1")), "upgrade-node", "--stack", "prod", "--node", "tazlab-worker-1", "--image", Image, "--version", "v1.12.1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("talos: node 192.168.1.91: runs v1.12.1, cluster healthy", run.Stderr, StringComparison.Ordinal);
        var calls = Calls;
        Assert.Equal(["version", "get", "upgrade", "version", "get", "health"], calls.Select(c => c.Split(' ')[2]));
        // The worker goes through the control-plane node, whose health check gates the next wave.
        Assert.Matches($"^--talosconfig \\S+/talosconfig upgrade --nodes 192.168.1.91 --endpoints 192.168.1.81 --image {Image} --wait --timeout 30m$", calls[2]);
        Assert.Equal(["600 the-talosconfig"], File.ReadAllLines(Path.Combine(_folder, "config-seen")).Distinct());
        Assert.False(File.Exists(calls[0].Split(' ')[1]));
        Assert.DoesNotContain("the-talosconfig", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rolled_back_node_exits_1_naming_it()
    {
        var run = Talos(Environment(StandIn(upgradedTag: "v1.12.0")), "upgrade-node", "--stack", "prod", "--node", "tazlab-worker-1", "--image", Image, "--version", "v1.12.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("node 192.168.1.91: came back at v1.12.0 (schematic 376567988ad3), not v1.12.1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_the_stack_does_not_have_is_a_usage_error_before_talosctl_runs()
    {
        var run = Talos(Environment(StandIn(upgradedTag: "v1.12.1")), "upgrade-node", "--stack", "prod", "--node", "tazlab-worker-9", "--image", Image, "--version", "v1.12.1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--node: 'tazlab-worker-9' is not a node of stack prod; expected one of tazlab-cp-1, tazlab-worker-1, tazlab-worker-2", run.Stderr.Trim());
        Assert.Empty(Calls);
    }

    [Fact]
    public void Upgrade_k8s_goes_through_the_first_control_plane_node_with_the_version_without_its_v()
    {
        var run = Talos(Environment(StandIn(upgradedTag: "v1.12.1")), "upgrade-k8s", "--stack", "prod", "--to", "v1.35.1");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("upgrade-k8s --nodes 192.168.1.81 --endpoints 192.168.1.81 --to 1.35.1", Calls[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_staged_leaves_a_node_with_nothing_staged_alone()
    {
        var run = Talos(Environment(StandIn(upgradedTag: "v1.12.1")), "apply-staged", "--stack", "prod", "--node", "tazlab-cp-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("talos: node 192.168.1.81: nothing staged, not rebooted", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("get machineconfig --nodes 192.168.1.81 --endpoints 192.168.1.81 --output json", Assert.Single(Calls), StringComparison.Ordinal);
    }

    [Fact]
    public void Retire_node_leaves_a_node_still_in_the_stack_alone_without_talosctl()
    {
        // What pulumi destroy, or a replaced VM, runs: the stack still lists the node.
        var run = Talos(new Dictionary<string, string>(), "retire-node", "--stack", "prod", "--name", "tazlab-worker-2", "--address", "192.168.1.92", "--role", "worker");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("talos: node tazlab-worker-2: still in stack prod (its VM is replaced, or the stack destroyed): left alone", run.Stderr.Trim());
        Assert.Empty(Calls);
    }

    [Fact]
    public void Retire_node_drains_resets_and_deletes_the_node_object_of_a_node_removed_from_the_stack()
    {
        _server.SetNodes(new FakeNode("tazlab-cp-1"), new FakeNode("tazlab-worker-3"));
        var environment = Environment(StandIn(upgradedTag: "v1.12.1"));
        environment[ClusterHealthEnvironment.KubeconfigVariable] = _server.Kubeconfig();

        var run = Talos(environment, "retire-node", "--stack", "prod", "--name", "tazlab-worker-3", "--address", "192.168.1.93", "--role", "worker");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("talos: node tazlab-worker-3: out of the cluster, reset and halted; its VM can go", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("reset --nodes 192.168.1.93 --endpoints 192.168.1.93 --graceful=true --reboot=false --wait --timeout 30m", Calls[1], StringComparison.Ordinal);
        Assert.Equal(["tazlab-worker-3"], _server.DeletedNodes);
    }

    [Fact]
    public void Without_talosctl_nothing_starts_and_the_message_says_what_to_install()
    {
        var run = Talos(new Dictionary<string, string> { ["PATH"] = _folder, [TalosEnvironment.TalosconfigVariable] = "x" }, "upgrade-k8s", "--stack", "prod", "--to", "v1.35.1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("talosctl: not found on PATH", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_talosconfig_nothing_starts()
    {
        var run = Talos(new Dictionary<string, string> { [TalosEnvironment.TalosctlVariable] = StandIn(upgradedTag: "v1.12.1") }, "upgrade-k8s", "--stack", "prod", "--to", "v1.35.1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{TalosEnvironment.TalosconfigVariable}: not set", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    private static Dictionary<string, string> Environment(string talosctl) => new()
    {
        [TalosEnvironment.TalosctlVariable] = talosctl,
        [TalosEnvironment.TalosconfigVariable] = "the-talosconfig",
    };

    /// <summary>
    /// A talosctl that logs "args" per call and the talosconfig's mode and text; its node runs v1.12.0 with the
    /// schematic until an upgrade, then <paramref name="upgradedTag"/>; nothing is staged.
    /// </summary>
    private string StandIn(string upgradedTag)
    {
        var path = Path.Combine(_folder, "talosctl");
        File.WriteAllText(path, $$$"""
            #!/bin/sh
            echo "$*" >> '{{{_folder}}}/calls'
            echo "$(stat -c %a "$2") $(cat "$2")" >> '{{{_folder}}}/config-seen'
            tag=v1.12.0
            [ -f '{{{_folder}}}/upgraded' ] && tag={{{upgradedTag}}}
            case "$3 $4" in
              "version "*) printf 'Client:\n\tTag:         v1.13.0\nServer:\n\tNODE:        %s\n\tTag:         %s\n' "$5" "$tag" ;;
              "upgrade "*) touch '{{{_folder}}}/upgraded' ;;
              "get extensions") printf '{\n    "metadata": {"id": "0"},\n    "spec": {"metadata": {"name": "schematic", "version": "{{{Schematic}}}"}}\n}\n' ;;
              "get machineconfig") printf '{\n    "metadata": {"id": "persistent"},\n    "spec": "same"\n}\n{\n    "metadata": {"id": "v1alpha1"},\n    "spec": "same"\n}\n' ;;
            esac
            exit 0
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
