using System.Text.RegularExpressions;
using Tazlab.Stacks.Loading;
using Tazlab.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Repository.Tests;

/// <summary>The CI workflows: they parse, run on the right events, pin every action, document every secret they use, and reach the tailnet only as tag:ci.</summary>
public partial class WorkflowTests
{
    private const string PullRequest = "pr.yml";
    private const string Deploy = "deploy.yml";
    private const string Drift = "drift.yml";
    private const string StackSecretsScript = ".github/scripts/set-stack-secrets.sh";

    /// <summary>The stacks of the repository (Pulumi.&lt;stack&gt;.yaml).</summary>
    private static readonly string[] Stacks = Directory.EnumerateFiles(RepoPaths.Root, "Pulumi.*.yaml")
        .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string>();
        foreach (var workflow in Workflow.All())
        {
            data.Add(workflow.Name);
        }

        return data;
    }

    [Fact]
    public void The_pull_request_deploy_and_drift_workflows_exist_with_the_program_build_they_call()
    {
        Assert.Equal([Deploy, Drift, PullRequest, "program.yml"], Workflow.All().Select(w => w.Name));
    }

    [Fact]
    public void Drift_previews_every_stack_with_a_refresh_expecting_no_changes_every_day_and_on_demand()
    {
        var workflow = Workflow.Named(Drift);

        Assert.True(workflow.Triggers.Children.ContainsKey("schedule"));
        Assert.True(workflow.Triggers.Children.ContainsKey("workflow_dispatch"));
        var job = workflow.Job("preview");
        var stacks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["stack"]).Children.Select(s => ((YamlScalarNode)s).Value);
        Assert.Equal(Stacks, stacks.Order(StringComparer.Ordinal));
        var preview = Workflow.Steps(job).Single(s => Workflow.Action(s) == "pulumi/actions" && Workflow.With(s) is { } w && Workflow.Scalar(w, "command") == "preview");
        var with = Workflow.With(preview)!;
        Assert.Equal("true", Workflow.Scalar(with, "refresh"));
        Assert.Equal("true", Workflow.Scalar(with, "expect-no-changes"));
        // A drifted stack must still reach the report: the step may fail, the job goes on.
        Assert.Equal("true", Workflow.Scalar(preview, "continue-on-error"));
        // The refresh runs the program, which writes Vault's CA file into this fresh checkout for the Vault provider.
        Assert.Equal("true", Workflow.Scalar((YamlMappingNode)job["env"], "PULUMI_RUN_PROGRAM"));
        Assert.DoesNotContain(Workflow.Steps(job), s => Workflow.With(s) is { } w && Workflow.Scalar(w, "command") is "up" or "refresh" or "destroy");
    }

    [Fact]
    public void Drift_is_reported_in_one_marked_issue_updated_in_place_and_closed_when_none_is_left()
    {
        var workflow = Workflow.Named(Drift);

        var report = workflow.Job("report");
        Assert.Equal("always()", Workflow.Scalar(report, "if"));
        Assert.Equal("write", Workflow.Scalar((YamlMappingNode)report["permissions"], "issues"));
        var script = Workflow.Scalar(Workflow.With(Workflow.Steps(report).Single(s => Workflow.Action(s) == "actions/github-script"))!, "script")!;
        Assert.Contains("const marker = '<!-- tazlab-drift -->';", script, StringComparison.Ordinal);
        Assert.Contains("github.rest.issues.update(", script, StringComparison.Ordinal);
        Assert.Contains("state: drifted.length ? 'open' : 'closed'", script, StringComparison.Ordinal);
        Assert.Contains("} else if (drifted.length) {", script, StringComparison.Ordinal);
        Assert.Equal("read", Workflow.Scalar((YamlMappingNode)workflow.Root["permissions"], "contents"));

        // Each preview leaves files named for its stack, and the report merges only those into one folder: a stack whose
        // job failed before its upload is reported missing, not its neighbour (download-artifact extracts a single
        // artifact straight into the path, so per-artifact folders cannot be relied on).
        var keep = string.Join("\n", Workflow.Steps(workflow.Job("preview")).Select(s => Workflow.Scalar(s, "run")).OfType<string>());
        Assert.Contains("\"$RUNNER_TEMP/drift/$STACK.outcome\"", keep, StringComparison.Ordinal);
        Assert.Contains("\"$RUNNER_TEMP/drift/$STACK.preview.txt\"", keep, StringComparison.Ordinal);
        var download = Workflow.With(Workflow.Steps(report).Single(s => Workflow.Action(s) == "actions/download-artifact"))!;
        Assert.Equal("drift-*", Workflow.Scalar(download, "pattern"));
        Assert.Equal("true", Workflow.Scalar(download, "merge-multiple"));
        Assert.Contains("path.join(process.env.DRIFT_DIR, `${stack}.${file}`)", script, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_action_is_pinned_to_an_exact_release(string file)
    {
        var uses = Workflow.Named(file).AllSteps().Select(s => Workflow.Scalar(s.Step, "uses")).OfType<string>().ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(ExactPin(), u));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_secret_a_workflow_uses_is_in_the_runbooks_secrets_table(string file)
    {
        var documented = RunbookCiSecrets();

        Assert.All(Workflow.Named(file).Secrets(), secret => Assert.True(documented.Contains(secret), $"{file} uses secrets.{secret}, which docs/runbook.md's CI secrets table does not list"));
    }

    [Fact]
    public void Every_secret_the_runbook_lists_for_ci_is_used_by_a_workflow()
    {
        var used = Workflow.All().SelectMany(w => w.Secrets()).ToHashSet(StringComparer.Ordinal);

        Assert.All(RunbookCiSecrets(), secret => Assert.True(used.Contains(secret), $"docs/runbook.md lists {secret}, which no workflow uses"));
    }

    [Fact]
    public void Pull_requests_to_main_build_test_plan_diff_and_preview_every_stack()
    {
        var workflow = Workflow.Named(PullRequest);

        Assert.Equal(["pull_request"], workflow.Triggers.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["main"], Sequence((YamlMappingNode)workflow.Triggers["pull_request"], "branches"));
        Assert.Equal(["test", "plan-diff", "program", "preview"], workflow.Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains(Workflow.Steps(workflow.Job("test")), s => Workflow.Scalar(s, "run") == "bash .ci/run");
    }

    [Fact]
    public void The_plan_diff_job_plans_base_and_head_posts_one_marked_comment_and_fails_on_a_failed_plan()
    {
        var job = Workflow.Named(PullRequest).Job("plan-diff");
        var steps = Workflow.Steps(job).ToList();
        var runs = string.Join("\n", steps.Select(s => Workflow.Scalar(s, "run")).OfType<string>());

        var checkouts = steps.Where(s => Workflow.Action(s) == "actions/checkout").ToList();
        Assert.Equal(2, checkouts.Count);
        Assert.Contains(checkouts, s => Workflow.Scalar(Workflow.With(s)!, "ref") == "${{ github.event.pull_request.base.sha }}");
        Assert.Equal("write", Workflow.Scalar((YamlMappingNode)job["permissions"], "pull-requests"));
        foreach (var stack in Stacks)
        {
            Assert.Contains($" {stack} ", " " + Regex.Match(runs, "for stack in ([^;]+);").Groups[1].Value + " ", StringComparison.Ordinal);
        }

        Assert.Contains("--diff \"$RUNNER_TEMP/base/$stack\" --diff-format markdown", runs, StringComparison.Ordinal);

        // Two stacks of at most 30,000 characters each, plus two lines: under GitHub's 65,536.
        Assert.Contains("--diff-max-chars 30000", runs, StringComparison.Ordinal);
        Assert.True(Stacks.Length * 30_000 + 200 < 65_536);

        // The comment is found again by its marker and updated, never posted anew.
        var script = Workflow.Scalar(Workflow.With(steps.Single(s => Workflow.Action(s) == "actions/github-script"))!, "script")!;
        Assert.Contains("<!-- tazlab-plan-diff -->", runs, StringComparison.Ordinal);
        Assert.Contains("const marker = '<!-- tazlab-plan-diff -->';", script, StringComparison.Ordinal);
        Assert.Contains("updateComment", script, StringComparison.Ordinal);
        Assert.Contains(steps, s => Workflow.Scalar(s, "if") == "steps.diff.outputs.failed != ''" && Workflow.Scalar(s, "run")!.Contains("exit 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preview_job_previews_every_stack_with_the_pulumi_action_and_comments_on_the_pr()
    {
        var job = Workflow.Named(PullRequest).Job("preview");

        var matrix = (YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"];
        Assert.Equal(Stacks, Sequence(matrix, "stack").Order(StringComparer.Ordinal));
        var preview = Workflow.With(Workflow.Steps(job).Single(Workflow.RunsPulumi))!;
        Assert.Equal("preview", Workflow.Scalar(preview, "command"));
        Assert.Equal("${{ matrix.stack }}", Workflow.Scalar(preview, "stack-name"));
        Assert.Equal("true", Workflow.Scalar(preview, "diff"));
        Assert.Equal("true", Workflow.Scalar(preview, "comment-on-pr"));
        Assert.Equal("true", Workflow.Scalar(preview, "edit-pr-comment"));
    }

    [Fact]
    public void Pushes_to_main_deploy_prod_through_the_protected_production_environment_then_dev_which_reads_its_outputs()
    {
        var workflow = Workflow.Named(Deploy);

        Assert.Equal(["push"], workflow.Triggers.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["main"], Sequence((YamlMappingNode)workflow.Triggers["push"], "branches"));
        Assert.Equal("false", Workflow.Scalar((YamlMappingNode)workflow.Root["concurrency"], "cancel-in-progress"));
        // dev reads prod's outputs (its own Vault credential among them): prod first, in the graph's order.
        Assert.Equal(["test", "program"], Workflow.Needs(workflow.Job("prod")));
        Assert.Equal(["prod", "program"], Workflow.Needs(workflow.Job("dev")));
        Assert.Equal("production", Workflow.Scalar(workflow.Job("prod"), "environment"));
        foreach (var stack in new[] { "dev", "prod" })
        {
            var up = Workflow.With(Workflow.Steps(workflow.Job(stack)).Single(Workflow.RunsPulumi))!;
            Assert.Equal("up", Workflow.Scalar(up, "command"));
            Assert.Equal(stack, Workflow.Scalar(up, "stack-name"));
        }

        // Only the production job may deploy prod.
        Assert.All(
            workflow.Jobs.Children.Where(j => ((YamlScalarNode)j.Key).Value != "prod").Select(j => (YamlMappingNode)j.Value),
            job => Assert.DoesNotContain(Workflow.Steps(job), s => Workflow.With(s) is { } with && Workflow.Scalar(with, "stack-name") == "prod"));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_job_that_runs_pulumi_joins_the_tailnet_first_as_tag_ci_with_oauth_secrets(string file)
    {
        var workflow = Workflow.Named(file);
        foreach (var (id, node) in workflow.Jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value, (YamlMappingNode)j.Value)))
        {
            var steps = Workflow.Steps(node).ToList();
            var pulumi = steps.FindIndex(Workflow.RunsPulumi);
            var tailscale = steps.FindIndex(s => Workflow.Action(s) == "tailscale/github-action");
            if (pulumi < 0)
            {
                Assert.True(tailscale < 0, $"{file}: job {id} joins the tailnet without running pulumi");
                continue;
            }

            Assert.True(tailscale >= 0 && tailscale < pulumi, $"{file}: job {id} runs pulumi without joining the tailnet first");
            var with = Workflow.With(steps[tailscale])!;
            Assert.Equal("tag:ci", Workflow.Scalar(with, "tags"));
            Assert.Equal("${{ secrets.TS_CI_OAUTH_CLIENT_ID }}", Workflow.Scalar(with, "oauth-client-id"));
            Assert.Equal("${{ secrets.TS_CI_OAUTH_SECRET }}", Workflow.Scalar(with, "oauth-secret"));
            Assert.Null(Workflow.Scalar(with, "authkey"));
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_run_of_the_stack_secrets_script_passes_the_credentials_its_stack_needs(string file)
    {
        Assert.True(File.Exists(RepoPaths.File(StackSecretsScript)));
        foreach (var (job, step) in Workflow.Named(file).AllSteps().Where(s => Workflow.Scalar(s.Step, "run")?.Contains(StackSecretsScript, StringComparison.Ordinal) == true))
        {
            var env = ((YamlMappingNode)step["env"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet(StringComparer.Ordinal);
            string[] always = ["PROXMOX_API_TOKEN", "FLUX_GIT_TOKEN"];
            var ownsVault = job is "prod" or "preview";
            Assert.All(ownsVault ? [.. always, "HCLOUD_TOKEN", "VAULT_SSH_PRIVATE_KEY", "BACKUP_ACCESS_KEY_ID", "BACKUP_SECRET_ACCESS_KEY", "BACKUP_PASSWORD"] : always, name => Assert.Contains(name, env));
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_job_that_runs_pulumi_has_the_tailscale_credentials_in_its_environment(string file)
    {
        // The device prune runs on up and on destroy with the credentials of the run, never ones kept in the state.
        foreach (var (id, job) in Workflow.Named(file).Jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value, (YamlMappingNode)j.Value)))
        {
            if (!Workflow.Steps(job).Any(Workflow.RunsPulumi))
            {
                continue;
            }

            var env = (YamlMappingNode)job["env"];
            Assert.Equal("${{ secrets.TAILSCALE_OAUTH_CLIENT_ID }}", Workflow.Scalar(env, "TAILSCALE_OAUTH_CLIENT_ID"));
            Assert.True(Workflow.Scalar(env, "TAILSCALE_OAUTH_CLIENT_SECRET") == "${{ secrets.TAILSCALE_OAUTH_CLIENT_SECRET }}", $"{file}: job {id}");
        }
    }

    [Fact]
    public void The_tailnet_policy_owns_tag_ci_and_grants_it_only_what_preview_and_up_need()
    {
        var prod = StackLoader.Load(RepoPaths.Root, "prod").Config!;

        Assert.Contains(prod.Tailnet.TagOwners, t => t.Tag == "tag:ci" && t.Owners.SequenceEqual(["autogroup:admin"]));
        var granted = prod.Tailnet.AccessIntents.Where(i => i.Sources.Contains("tag:ci")).Select(i => $"{i.Destination}:{string.Join(",", i.Ports)}");
        Assert.Equal(["tag:vault-api:8200", "tag:tazlab-vault:22", "tag:tazlab-k8s:6443,50000"], granted);
        Assert.Contains(prod.Tailnet.DenyTests, d => d.Source == "tag:ci" && d.Destination == "tag:tazpod");
    }

    /// <summary>Names in the first column of docs/runbook.md's CI secrets table (the rows between its markers).</summary>
    private static HashSet<string> RunbookCiSecrets()
    {
        var text = File.ReadAllText(RepoPaths.File("docs/runbook.md"));
        var table = Regex.Match(text, "<!-- ci-secrets:begin -->(.*?)<!-- ci-secrets:end -->", RegexOptions.Singleline);
        Assert.True(table.Success, "docs/runbook.md has no <!-- ci-secrets:begin --> … <!-- ci-secrets:end --> table");
        return SecretRow().Matches(table.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Sequence(YamlMappingNode mapping, string key) =>
        ((YamlSequenceNode)mapping[key]).Children.Select(n => ((YamlScalarNode)n).Value!);

    /// <summary>owner/repo[/path]@vMAJOR.MINOR.PATCH: no branch, no floating major.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@v\d+\.\d+\.\d+$")]
    private static partial Regex ExactPin();

    [GeneratedRegex(@"^\| `([A-Z][A-Z0-9_]*)` \|", RegexOptions.Multiline)]
    private static partial Regex SecretRow();
}
