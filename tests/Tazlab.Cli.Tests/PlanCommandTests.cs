using System.Text.Json;
using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests;

public class PlanCommandTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Plan_of_a_committed_stack_exits_0_and_writes_three_files(string stack)
    {
        using var project = TempProject.FromRepo();
        var outDir = project.PathOf("plan-out");

        var run = CliRun.Of(project.Directory, "plan", "--stack", stack, "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(["graph.json", "graph.mmd", "plan.json"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        Assert.Contains("Critical path", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("serial total", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("TZ001", run.Stdout, StringComparison.Ordinal);
        // One line per check: its id, its result, its title, whatever the title's length.
        var checkLines = run.Stdout.Split('\n').Where(l => l.StartsWith("TZ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(checkLines);
        Assert.All(checkLines, l => Assert.Matches(@"^TZ\d{3} +(pass|warn|skipped|FAIL) +\S", l));
    }

    [Fact]
    public void Default_output_folder_is_out_stack_in_the_project()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(project.Directory, "out", "prod", "plan.json")));
    }

    [Fact]
    public void Project_is_found_from_a_subfolder()
    {
        using var project = TempProject.FromRepo();
        var sub = Directory.CreateDirectory(project.PathOf("some/sub")).FullName;

        var run = CliRun.Of(sub, "plan", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(project.Directory, "out", "prod", "graph.mmd")));
    }

    [Fact]
    public void Json_format_prints_plan_json()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("prod", json.GetProperty("stack").GetString());
        Assert.Equal(File.ReadAllText(Path.Combine(project.Directory, "out", "prod", "plan.json")), run.Stdout);
    }

    [Fact]
    public void Two_runs_write_byte_identical_files()
    {
        using var project = TempProject.FromRepo();
        CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("a"));
        CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("b"));

        foreach (var file in new[] { "graph.mmd", "graph.json", "plan.json" })
        {
            Assert.Equal(File.ReadAllBytes(project.PathOf("a/" + file)), File.ReadAllBytes(project.PathOf("b/" + file)));
        }
    }

    [Fact]
    public void Piped_output_is_never_wrapped_so_each_message_is_one_line()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("out"));

        // The critical path names about twenty parts: far past 160 columns, on one line.
        var critical = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("Critical path", StringComparison.Ordinal));
        Assert.True(critical.Length > 160, critical);
        Assert.Contains("→ cluster-secret-store", critical, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_path_that_is_a_file_exits_2_in_plain_words_and_changes_nothing()
    {
        using var project = TempProject.FromRepo();
        var file = project.PathOf("taken");
        File.WriteAllText(file, "mine");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--out: cannot write {file} (it is a file); nothing was changed there; expected a writable folder", run.Stderr.TrimEnd('\n'));
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(project.Directory), p => Path.GetFileName(p).StartsWith(".taken.tazlab-", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_configuration_with_format_json_prints_a_json_error_document_on_stdout()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:tailnetName", "not a tailnet");
        project.Set("prod", "tazlab:corednsClusterIp", "10.200.0.10");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--format", "json", "--out", project.PathOf("plan-out"));

        Assert.Equal(2, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("prod", json.GetProperty("stack").GetString());
        Assert.Equal("invalid-configuration", json.GetProperty("status").GetString());
        Assert.Equal(["tazlab:tailnetName", "tazlab:corednsClusterIp"], json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal("an address inside 10.96.0.0/12", json.GetProperty("errors")[1].GetProperty("expected").GetString());
        Assert.Contains("2 configuration errors; nothing was written.", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.PathOf("plan-out")));
    }

    [Fact]
    public void Invalid_configuration_exits_2_lists_every_problem_and_writes_nothing()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:tailnetName", "not a tailnet");
        project.Set("prod", "tazlab:corednsClusterIp", "10.200.0.10");
        var outDir = project.PathOf("plan-out");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "tazlab:tailnetName: 'not a tailnet' is not a tailnet name; expected a tailnet MagicDNS domain such as example-tailnet.ts.net",
                "tazlab:corednsClusterIp: 10.200.0.10 is outside tazlab:serviceCidr (10.96.0.0/12); expected an address inside 10.96.0.0/12",
                "2 configuration errors; nothing was written.",
            ],
            run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Deadlock_1_configuration_exits_1_and_explains_the_cycle()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:operatorOAuthSource", "vault");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("TZ001: bootstrap cycle: operator-oauth-secret → tailscale-operator → vault-egress → cluster-resolves-vault → cluster-secret-store → operator-oauth-secret", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("set tazlab:operatorOAuthSource to bootstrap", run.Stdout, StringComparison.Ordinal);
        var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "out", "prod", "plan.json"))).RootElement;
        Assert.Equal("fail", plan.GetProperty("checks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Warnings_are_printed_but_do_not_fail()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:talosNodes", "[{name: a, role: controlplane, vmId: 801, cores: 2, memoryMiB: 4096, diskGiB: 32, ip: 192.168.1.81, proxmoxNode: pve}, {name: b, role: controlplane, vmId: 802, cores: 2, memoryMiB: 4096, diskGiB: 32, ip: 192.168.1.82, proxmoxNode: pve}]");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: tazlab:talosNodes: has 2 control-plane nodes", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan" }, "usage: Option '--stack' is required.")]
    [InlineData(new[] { "plan", "--stack", "prod", "--format", "xml" }, "usage: Argument 'xml' not recognized. Must be one of:")]
    [InlineData(new[] { "plann" }, "usage:")]
    public void Usage_errors_exit_2(string[] args, string expected)
    {
        var run = CliRun.Of(RepoPaths.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_stack_exits_2()
    {
        var run = CliRun.Of(RepoPaths.Root, "plan", "--stack", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--stack: no stack file Pulumi.staging.yaml; expected one of: dev, prod", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_project_folder_exits_2()
    {
        var empty = Directory.CreateTempSubdirectory("tazlab-empty-");
        try
        {
            var run = CliRun.Of(empty.FullName, "plan", "--stack", "prod");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--project-dir: no Pulumi.yaml in", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("plan", "--help")]
    [InlineData("graph", "--help")]
    public void Help_exits_0(params string[] args)
    {
        var run = CliRun.Of(RepoPaths.Root, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }
}
