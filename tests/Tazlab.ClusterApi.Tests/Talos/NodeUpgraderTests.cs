using Tazlab.ClusterApi.Talos;

namespace Tazlab.ClusterApi.Tests.Talos;

public class NodeUpgraderTests
{
    private const string Schematic = "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";
    private const string OldSchematic = "ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515";
    private const string Image = $"factory.talos.dev/nocloud-installer/{Schematic}:v1.12.1";

    /// <summary>A node that runs <paramref name="before"/> until it is upgraded, then <paramref name="after"/>.</summary>
    private static ScriptedTalosctl Node((string Version, string? Schematic) before, (string Version, string? Schematic) after, Func<IReadOnlyList<string>, TalosctlResult?>? otherwise = null)
    {
        var upgraded = false;
        return new ScriptedTalosctl(args =>
        {
            if (otherwise?.Invoke(args) is { } answer)
            {
                return answer;
            }

            var now = upgraded ? after : before;
            switch (args[0])
            {
                case "upgrade":
                    upgraded = true;
                    return ScriptedTalosctl.Ok;
                case "version":
                    return ScriptedTalosctl.Version(now.Version);
                case "get":
                    return ScriptedTalosctl.Extensions(now.Schematic);
                default:
                    return ScriptedTalosctl.Ok;
            }
        });
    }

    [Fact]
    public async Task Reads_what_the_node_runs_upgrades_reads_it_again_then_waits_for_health()
    {
        var talosctl = Node(("v1.12.0", OldSchematic), ("v1.12.1", Schematic));

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        string[] version = ["version", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81"];
        string[] extensions = ["get", "extensions", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81", "--output", "json"];
        Assert.Equal(
            [
                version, extensions,
                ["upgrade", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81", "--image", Image, "--wait", "--timeout", "30m"],
                version, extensions,
                ["health", "--nodes", "192.168.1.81", "--endpoints", "192.168.1.81", "--wait-timeout", "30m"],
            ],
            talosctl.Calls.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_node_already_at_the_target_is_not_upgraded_again_so_a_rerun_carries_on_where_the_last_one_stopped()
    {
        var talosctl = Node(("v1.12.1", Schematic), ("v1.12.1", Schematic));

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "upgrade");
        Assert.Equal("health", talosctl.Calls[^1][0]);
    }

    [Fact]
    public async Task A_new_schematic_at_the_same_version_is_an_upgrade()
    {
        var talosctl = Node(("v1.12.1", OldSchematic), ("v1.12.1", Schematic));

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Single(talosctl.Calls, c => c[0] == "upgrade");
    }

    [Fact]
    public async Task A_node_that_cannot_be_read_is_not_upgraded_blind()
    {
        var talosctl = Node(("v1.12.0", OldSchematic), ("v1.12.1", Schematic), args => args[0] == "version" ? new TalosctlResult(1, string.Empty, "error: rpc error: code = Unavailable desc = connection refused\n") : null);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node 192.168.1.91: what it runs could not be read, so it was not upgraded: error: rpc error: code = Unavailable desc = connection refused; the wave stops here, and the next up retries this node", outcome.Message);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "upgrade");
    }

    [Fact]
    public async Task A_failed_upgrade_stops_the_wave_and_names_the_node_and_why()
    {
        var talosctl = Node(("v1.12.0", OldSchematic), ("v1.12.1", Schematic), args => args[0] == "upgrade" ? new TalosctlResult(1, string.Empty, "retrying...\nerror: etcd member count 2 is insufficient to maintain quorum\n") : null);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.82", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node 192.168.1.82: talosctl upgrade failed: error: etcd member count 2 is insufficient to maintain quorum; the wave stops here, and the next up retries this node", outcome.Message);
        Assert.Equal(3, talosctl.Calls.Count);
    }

    [Theory]
    [InlineData("v1.12.0", Schematic)]
    [InlineData("v1.12.1", OldSchematic)]
    public async Task A_node_that_rolled_back_is_a_failure_although_talosctl_upgrade_succeeded(string version, string schematic)
    {
        // talosctl upgrade --wait only waits for a new boot id and a ready machine: a rollback boot is both.
        var talosctl = Node(("v1.12.0", OldSchematic), (version, schematic));

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith($"node 192.168.1.91: came back at {version} (schematic {schematic[..12]}), not v1.12.1 (schematic {Schematic[..12]})", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "health");
    }

    [Fact]
    public async Task An_unhealthy_cluster_after_the_upgrade_is_a_failure()
    {
        var talosctl = Node(("v1.12.0", OldSchematic), ("v1.12.1", Schematic), args => args[0] == "health" ? new TalosctlResult(1, string.Empty, "healthcheck error: etcd members are not consistent\n") : null);

        var outcome = await new NodeUpgrader(talosctl).UpgradeAsync("192.168.1.91", "192.168.1.81", Image, "v1.12.1", TimeSpan.FromMinutes(5), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node 192.168.1.91: runs v1.12.1, but the cluster is not healthy: healthcheck error: etcd members are not consistent", outcome.Message);
    }

    [Theory]
    [InlineData($"factory.talos.dev/nocloud-installer/{Schematic}:v1.12.1", Schematic)]
    [InlineData($"factory.talos.dev/nocloud-installer/{Schematic}:v1.12.1@sha256:0123", Schematic)]
    [InlineData("ghcr.io/siderolabs/installer:v1.12.1", null)]
    [InlineData("installer", null)]
    public void The_schematic_is_read_from_image_factorys_installer(string image, string? schematic)
    {
        Assert.Equal(schematic, InstallerImage.SchematicOf(image));
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
