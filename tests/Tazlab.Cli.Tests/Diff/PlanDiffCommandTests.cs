using Tazlab.Cli.Diff;
using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests.Diff;

public class PlanDiffCommandTests
{
    [Fact]
    public void Diff_against_another_stacks_rendering_lists_the_changes_and_exits_0()
    {
        using var project = TempProject.FromRepo();
        Assert.Equal(0, CliRun.Of(project.Directory, "plan", "--stack", "dev", "--out", project.PathOf("base")).ExitCode);

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("base"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("Rendered files of prod: head against base\nSafety checks: none failed.\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  added    tailnet/policy.hujson", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  removed  talos/nodes/tazlab-dev-cp-1.yaml", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--- a/talos/controlplane.yaml\n+++ b/talos/controlplane.yaml\n", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(project.PathOf("head/plan.json")));
    }

    [Fact]
    public void Exit_code_option_makes_a_difference_exit_1()
    {
        using var project = TempProject.FromRepo();
        CliRun.Of(project.Directory, "plan", "--stack", "dev", "--out", project.PathOf("base"));

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("base"), "--exit-code");

        Assert.Equal(ExitCodes.Differences, run.ExitCode);
    }

    [Fact]
    public void The_same_stack_twice_has_no_differences_and_exits_0_even_with_exit_code()
    {
        using var project = TempProject.FromRepo();
        CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("base"));

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("base"), "--exit-code");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("No differences: 39 files unchanged.\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_output_is_a_pull_request_comment_for_the_stack_and_is_stable()
    {
        using var project = TempProject.FromRepo();
        CliRun.Of(project.Directory, "plan", "--stack", "dev", "--out", project.PathOf("base"));
        project.Set("prod", "tazlab:corednsReplicas", "3");
        string[] args = ["plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("base"), "--diff-format", "markdown", "--diff-max-chars", "30000"];

        var first = CliRun.Of(project.Directory, args);
        var second = CliRun.Of(project.Directory, args);

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith(MarkdownDiffWriter.Marker("prod") + "\n### Plan diff: `prod`\n", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("+  replicas: 3\n", first.Stdout, StringComparison.Ordinal);
        Assert.InRange(first.Stdout.Length, 1, 30_000);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void A_failing_safety_check_still_prints_the_diff_and_exits_1()
    {
        using var project = TempProject.FromRepo();
        CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("base"));
        project.Set("prod", "tazlab:operatorOAuthSource", "vault");

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("base"), "--diff-format", "markdown");

        Assert.Equal(ExitCodes.SafetyCheckFailed, run.ExitCode);
        Assert.Contains("**Safety checks failed: TZ001", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_base_folder_is_a_usage_error_and_nothing_is_written()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--out", project.PathOf("head"), "--diff", project.PathOf("nowhere"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("--diff: ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.PathOf("head")));
    }

    [Fact]
    public void Json_format_and_diff_together_are_a_usage_error()
    {
        using var project = TempProject.FromRepo();
        Directory.CreateDirectory(project.PathOf("base"));

        var run = CliRun.Of(project.Directory, "plan", "--stack", "prod", "--diff", project.PathOf("base"), "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
    }

    [Fact]
    public void An_empty_base_folder_shows_every_file_as_added()
    {
        using var project = TempProject.FromRepo();
        Directory.CreateDirectory(project.PathOf("base"));

        var run = CliRun.Of(project.Directory, "plan", "--stack", "dev", "--out", project.PathOf("head"), "--diff", project.PathOf("base"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("  changed ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" added, 0 removed, 0 changed, 0 files unchanged", run.Stdout, StringComparison.Ordinal);
    }
}
