using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests;

public class GraphCommandTests
{
    [Fact]
    public void Graph_prints_mermaid_and_writes_nothing()
    {
        using var project = TempProject.FromRepo();

        var run = CliRun.Of(project.Directory, "graph", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("flowchart LR\n  subgraph phase1[\"Phase 1\"]\n", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.PathOf("out")));
    }

    [Fact]
    public void Graph_of_an_invalid_stack_exits_2()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:vaultApiPort", "0");

        var run = CliRun.Of(project.Directory, "graph", "--stack", "prod");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tazlab:vaultApiPort: 0 is out of range; expected a whole number from 1 to 65534", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_of_a_cyclic_stack_is_still_drawn()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:operatorOAuthSource", "vault");

        var run = CliRun.Of(project.Directory, "graph", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("subgraph", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("n_cluster_secret_store ==> n_operator_oauth_secret", run.Stdout, StringComparison.Ordinal);
    }
}
