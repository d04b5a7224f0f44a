using System.Text.Json;
using Tazlab.Blueprint.Planning;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests;

public class PlanWriterTests
{
    private static Plan PlanOf(string stack)
    {
        var loaded = StackLoader.Load(RepoPaths.Root, stack);
        return PlanBuilder.Build(loaded.Config!, [.. loaded.Warnings], new DiagnosticBag())!;
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Two_renders_are_byte_identical(string stack)
    {
        var first = PlanWriter.Render(PlanOf(stack));
        var second = PlanWriter.Render(PlanOf(stack));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_json_has_phases_critical_path_totals_checks_and_secret_flags()
    {
        var plan = PlanOf("prod");
        var json = JsonDocument.Parse(PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.PlanJsonFile).Value).RootElement;

        Assert.Equal("prod", json.GetProperty("stack").GetString());
        Assert.Equal("https://lushycorp-vault.magellanic-gondola.ts.net:8200", json.GetProperty("names").GetProperty("vaultApiUrl").GetString());
        Assert.Equal(plan.Context.Analysis.Phases.Count, json.GetProperty("phases").GetArrayLength());
        Assert.Equal((long)plan.Context.Analysis.CriticalDuration.TotalSeconds, json.GetProperty("criticalPath").GetProperty("seconds").GetInt64());
        Assert.Equal((long)plan.Context.Analysis.SerialDuration.TotalSeconds, json.GetProperty("serialTotal").GetProperty("seconds").GetInt64());
        var check = json.GetProperty("checks")[0];
        Assert.Equal("TZ001", check.GetProperty("id").GetString());
        Assert.Equal("pass", check.GetProperty("status").GetString());
        var secrets = json.GetProperty("secrets").EnumerateArray().Select(s => (s.GetProperty("key").GetString(), s.GetProperty("set").GetBoolean())).ToList();
        Assert.Equal(
        [
            ("tazlab:backupAccessKeyId", false), ("tazlab:backupPassword", false), ("tazlab:backupSecretAccessKey", false),
            ("tazlab:fluxGitToken", false), ("tazlab:vaultSshPrivateKey", false),
        ], secrets);
    }

    [Fact]
    public void Graph_json_lists_every_node_and_edge_with_kinds()
    {
        var plan = PlanOf("prod");
        var json = JsonDocument.Parse(PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.GraphJsonFile).Value).RootElement;

        Assert.True(json.GetProperty("acyclic").GetBoolean());
        Assert.Equal(plan.Context.Graph.Nodes.Count, json.GetProperty("nodes").GetArrayLength());
        Assert.Equal(plan.Context.Graph.Edges.Count, json.GetProperty("edges").GetArrayLength());
        var kinds = json.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["provisioning", "runtime", "secret-source"], kinds.Order());
        Assert.All(json.GetProperty("nodes").EnumerateArray(), n => Assert.True(n.GetProperty("phase").GetInt32() >= 1));
    }

    [Fact]
    public void Mermaid_draws_phases_as_subgraphs_and_edge_kinds_differently()
    {
        var plan = PlanOf("prod");
        var mermaid = PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.GraphMermaidFile).Value;

        Assert.StartsWith("flowchart LR\n", mermaid, StringComparison.Ordinal);
        Assert.Equal(plan.Context.Analysis.Phases.Count, mermaid.Split('\n').Count(l => l.StartsWith("  subgraph phase", StringComparison.Ordinal)));
        Assert.Contains("  n_tailnet_policy --> n_oauth_client_k8s_operator\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_vault_joined -.-> n_vault_reachable\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_stack_secrets ==> n_flux_git_credential\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_values_never_reach_the_files()
    {
        using var project = TempProject.FromRepo();
        const string Marker = "TAZLAB-LEAK-MARKER-7f3a";
        project.Set("prod", "tazlab:fluxGitToken", $"{{secure: {Marker}}}");
        project.Set("prod", "tazlab:vaultSshPrivateKey", $"{{secure: {Marker}}}");
        var loaded = StackLoader.Load(project.Directory, "prod");
        var plan = PlanBuilder.Build(loaded.Config!, [], new DiagnosticBag())!;

        var files = PlanWriter.Render(plan);

        Assert.All(files, f => Assert.DoesNotContain(Marker, f.Value, StringComparison.Ordinal));
        Assert.Contains("\"set\": true", files.Single(f => f.Key == PlanWriter.PlanJsonFile).Value, StringComparison.Ordinal);
    }
}

public class PlanWriterFolderTests
{
    [Fact]
    public void Files_an_earlier_plan_rendered_and_this_one_does_not_are_removed()
    {
        var folder = Directory.CreateTempSubdirectory("tazlab-plan-");
        try
        {
            PlanWriter.Write(PlanFixture.Of("prod"), folder.FullName);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "secrets", "operator-oauth.yaml")));
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "mine");

            PlanWriter.Write(PlanFixture.Of("prod", p => p.Set("prod", "tazlab:operatorOAuthSource", "vault")), folder.FullName);

            Assert.False(File.Exists(Path.Combine(folder.FullName, "secrets", "operator-oauth.yaml")));
            Assert.True(File.Exists(Path.Combine(folder.FullName, "notes.txt")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_folder_as_it_was_and_nothing_beside_it()
    {
        var parent = Directory.CreateTempSubdirectory("tazlab-plan-");
        var folder = Path.Combine(parent.FullName, "prod");
        try
        {
            PlanWriter.Write(PlanFixture.Of("prod"), folder);
            var before = Snapshot(folder);

            // A file where the next one needs a folder: the write fails after several files.
            KeyValuePair<string, string>[] files = [new("plan.json", "{}"), new("a/b", "x"), new("a/b/c", "y")];
            Assert.ThrowsAny<IOException>(() => PlanWriter.Write(files, folder));

            Assert.Equal(before, Snapshot(folder));
            Assert.Equal(["prod"], Directory.EnumerateFileSystemEntries(parent.FullName).Select(Path.GetFileName));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_write_replaces_the_whole_folder_at_once_and_leaves_nothing_beside_it()
    {
        var parent = Directory.CreateTempSubdirectory("tazlab-plan-");
        var folder = Path.Combine(parent.FullName, "prod");
        try
        {
            PlanWriter.Write(PlanFixture.Of("prod"), folder);
            PlanWriter.Write(PlanFixture.Of("dev"), folder);

            Assert.Contains("\"stack\": \"dev\"", File.ReadAllText(Path.Combine(folder, PlanWriter.PlanJsonFile)), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "vault", "init.sh")));
            Assert.Equal(["prod"], Directory.EnumerateFileSystemEntries(parent.FullName).Select(Path.GetFileName));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) => Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
}
