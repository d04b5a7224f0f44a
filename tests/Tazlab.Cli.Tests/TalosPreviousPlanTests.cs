using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests;

/// <summary><c>plan --previous</c>: a change a live Talos cluster cannot take fails the plan unless a rebuild is accepted.</summary>
public class TalosPreviousPlanTests
{
    [Fact]
    public void Bootstrap_only_change_exits_1_with_the_rebuild_message_and_0_with_allow_rebuild()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        project.Set("prod", "tazlab:podCidr", "10.245.0.0/16");

        var refused = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);
        var accepted = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous, "--allow-rebuild");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("TZ031: cluster.network.podSubnets: 10.244.0.0/16 → 10.245.0.0/16; this field is bootstrap-only", Flat(refused.Stdout), StringComparison.Ordinal);
        Assert.Contains("the cluster must be rebuilt", Flat(refused.Stdout), StringComparison.Ordinal);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("TZ031: cluster.network.podSubnets: 10.244.0.0/16 → 10.245.0.0/16", Flat(accepted.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_address_for_the_first_control_plane_node_is_a_bootstrap_only_change()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        // The cluster's endpoint: every role configuration and the kubeconfig dial it, and no patch carries it.
        project.Edit("prod", config =>
        {
            var first = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)config.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("tazlab:talosNodes")]).Children[0];
            first.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("ip")] = new YamlDotNet.RepresentationModel.YamlScalarNode("192.168.1.85");
        });

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("TZ031: cluster.controlPlane.endpoint: https://192.168.1.81:6443 → https://192.168.1.85:6443; this field is bootstrap-only", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Renamed_api_server_exits_1()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        project.Set("prod", "tazlab:apiServerDeviceName", "lushycorp-api");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("TZ031: cluster.apiServer.extraArgs.service-account-issuer: https://lushycorp-k8s.magellanic-gondola.ts.net:6443 → https://lushycorp-api.magellanic-gondola.ts.net:6443;", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_safe_change_exits_0()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        // A patch release keeps the v1.12 machine-config contract: only the install image changes.
        project.Set("prod", "tazlab:talosVersion", "v1.12.1");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Talos v1.12.1", File.ReadAllText(Path.Combine(project.Directory, "out", "prod", "plan.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_previous_file_that_is_not_a_plan_is_a_usage_error_that_writes_nothing()
    {
        using var project = TempProject.FromRepo();
        var previous = project.PathOf("old.json");
        File.WriteAllText(previous, "{\"stack\": \"prod\"}");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--previous: {previous} is not a plan (it has no renderings.talos.fields array); expected a plan.json written by an earlier plan", run.Stderr.TrimEnd('\n'));
        Assert.DoesNotContain("--allow-rebuild", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "out")));
    }

    [Fact]
    public void A_previous_folder_is_named_a_folder()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", project.Directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder; expected a plan.json written by an earlier plan (the plan.json inside it)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_previous_file_is_read_no_further_than_the_limit()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--previous: /dev/zero holds more than 16777216 bytes", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The summary wraps long lines at the console width: compare with whitespace runs collapsed.</summary>
    [Fact]
    public void A_talos_upgrade_shows_its_waves_control_plane_first_with_nodes_and_estimates()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        project.Set("prod", "tazlab:talosVersion", "v1.12.1");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n').Select(l => Flat(l)).ToList();
        var header = lines.FindIndex(l => l.StartsWith("Upgrade waves, in order (estimated 18m;", StringComparison.Ordinal));
        Assert.True(header >= 0, run.Stdout);
        Assert.Equal("Wave Upgrades Nodes From To Estimate", lines[header + 1]);
        Assert.Matches(@"^1 talos tazlab-cp-1 v1\.12\.0 \(schematic [0-9a-f]{12}\) v1\.12\.1 \(schematic [0-9a-f]{12}\) 6m$", lines[header + 2]);
        Assert.StartsWith("2 talos tazlab-worker-1 ", lines[header + 3], StringComparison.Ordinal);
        Assert.StartsWith("3 talos tazlab-worker-2 ", lines[header + 4], StringComparison.Ordinal);
        Assert.StartsWith("pulumi up runs each wave in this order with talosctl", lines[header + 5], StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_worker_is_said_to_be_drained_and_reset_before_its_vm_goes()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);
        project.Edit("prod", config =>
        {
            var nodes = (YamlDotNet.RepresentationModel.YamlSequenceNode)config.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("tazlab:talosNodes")];
            var worker = nodes.Children.Single(n => ((YamlDotNet.RepresentationModel.YamlMappingNode)n).Children[new YamlDotNet.RepresentationModel.YamlScalarNode("name")].ToString() == "tazlab-worker-2");
            nodes.Children.Remove(worker);
        });

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Node removed: tazlab-worker-2 (worker): it is drained and reset (talosctl reset --graceful), and its Node object deleted, before its VM goes", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_version_change_the_summary_says_there_is_no_upgrade()
    {
        using var project = TempProject.FromRepo();
        var previous = PlanAndKeep(project);

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--previous", previous);

        Assert.Contains("Upgrade: none (the running nodes keep their Talos and Kubernetes versions)", run.Stdout, StringComparison.Ordinal);
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Plans the committed prod stack and keeps a copy of its plan.json, as an operator would after applying it.</summary>
    private static string PlanAndKeep(TempProject project)
    {
        var first = CliRun.Of(project.Directory, "plan", "--stack", "prod");
        Assert.Equal(0, first.ExitCode);
        var copy = project.PathOf("old.json");
        File.Copy(Path.Combine(project.Directory, "out", "prod", "plan.json"), copy);
        return copy;
    }
}
