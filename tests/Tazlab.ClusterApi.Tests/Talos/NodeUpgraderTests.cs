using Tazlab.ClusterApi.Talos;

namespace Tazlab.ClusterApi.Tests.Talos;

public class NodeUpgraderTests
{
    private const string Image = "factory.talos.dev/nocloud-installer/abc:v1.12.1";

    [Fact]
    public async Task Upgrades_then_checks_the_version_then_waits_for_health()
    {
        var talosctl = new ScriptedTalosctl(args => args[0] == "version" ? ScriptedTalosctl.Version("v1.12.1") : ScriptedTalosctl.Ok);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(
            [
                ["upgrade", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81", "--image", Image, "--wait", "--timeout", "30m"],
                ["version", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81"],
                ["health", "--nodes", "192.168.1.81", "--endpoints", "192.168.1.81", "--wait-timeout", "30m"],
            ],
            talosctl.Calls.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_failed_upgrade_stops_the_wave_and_names_the_node_and_why()
    {
        var talosctl = new ScriptedTalosctl(args => args[0] == "upgrade" ? new TalosctlResult(1, string.Empty, "retrying...\nerror: etcd member count 2 is insufficient to maintain quorum\n") : ScriptedTalosctl.Ok);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.82", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node 192.168.1.82: talosctl upgrade failed: error: etcd member count 2 is insufficient to maintain quorum; the wave stops here, and the next up retries this node", outcome.Message);
        Assert.Single(talosctl.Calls);
    }

    [Fact]
    public async Task A_node_that_rolled_back_is_a_failure_although_talosctl_upgrade_succeeded()
    {
        // talosctl upgrade --wait only waits for a new boot id and a ready machine: a rollback boot is both.
        var talosctl = new ScriptedTalosctl(args => args[0] == "version" ? ScriptedTalosctl.Version("v1.12.0") : ScriptedTalosctl.Ok);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("node 192.168.1.91: came back at v1.12.0, not v1.12.1", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "health");
    }

    [Fact]
    public async Task An_unhealthy_cluster_after_the_upgrade_is_a_failure()
    {
        var talosctl = new ScriptedTalosctl(args => args[0] switch
        {
            "version" => ScriptedTalosctl.Version("v1.12.1"),
            "health" => new TalosctlResult(1, string.Empty, "healthcheck error: etcd members are not consistent\n"),
            _ => ScriptedTalosctl.Ok,
        });

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(5), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node 192.168.1.91: runs v1.12.1, but the cluster is not healthy: healthcheck error: etcd members are not consistent", outcome.Message);
    }

    [Fact]
    public async Task Kubernetes_goes_through_one_control_plane_node_with_the_version_without_its_v()
    {
        var talosctl = new ScriptedTalosctl(_ => ScriptedTalosctl.Ok);

        var outcome = await new KubernetesUpgrader(talosctl).UpgradeAsync("192.168.1.81", "v1.35.1", TimeSpan.FromMinutes(10), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["upgrade-k8s", "--nodes", "192.168.1.81", "--endpoints", "192.168.1.81", "--to", "1.35.1"], talosctl.Calls[0]);
        Assert.Equal("health", talosctl.Calls[1][0]);
    }

    [Theory]
    [InlineData("Client:\n\tTag:         v1.13.0\nServer:\n\tNODE:        10.5.0.2\n\tTag:         v1.12.1\n", "v1.12.1")]
    [InlineData("Client:\n\tTag:         v1.13.0\n", null)]
    [InlineData("", null)]
    public void The_server_tag_is_read_from_the_server_section(string stdout, string? tag)
    {
        Assert.Equal(tag, TalosVersionOutput.ServerTag(stdout));
    }
}
