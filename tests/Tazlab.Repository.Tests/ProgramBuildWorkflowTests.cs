using YamlDotNet.RepresentationModel;

namespace Tazlab.Repository.Tests;

/// <summary>
/// The workflows build the Pulumi program once per run and every stack's pulumi step runs that build
/// (runtime.options.binary through scripts/use-program-build) instead of compiling the program again.
/// </summary>
public class ProgramBuildWorkflowTests
{
    private const string ProgramJob = "program";
    private const string Artifact = "program";
    private const string Folder = ".program-build";
    private const string Script = "scripts/use-program-build";
    private const string ProgramWorkflow = "program.yml";

    public static TheoryData<string> WorkflowsThatRunPulumi() => new(PulumiWorkflows());

    [Fact]
    public void Previews_deploys_and_drift_all_run_pulumi()
    {
        Assert.Equal(["deploy.yml", "drift.yml", "pr.yml"], PulumiWorkflows());
    }

    [Fact]
    public void The_program_build_publishes_the_program_with_its_commit_and_uploads_it()
    {
        var workflow = Workflow.Named(ProgramWorkflow);
        Assert.Equal(["workflow_call"], workflow.Triggers.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var steps = Workflow.Steps(PublishJob()).ToList();
        var run = string.Join("\n", steps.Select(s => Workflow.Scalar(s, "run")).OfType<string>());

        Assert.Contains("dotnet publish infra -c Release", run, StringComparison.Ordinal);
        Assert.Contains($"-o {Folder}\n", run + "\n", StringComparison.Ordinal);
        Assert.Contains($"git rev-parse HEAD > {Folder}/commit", run, StringComparison.Ordinal);
        Assert.True(
            run.IndexOf("dotnet publish", StringComparison.Ordinal) < run.IndexOf("git rev-parse", StringComparison.Ordinal),
            "the commit file is written before the publish that makes its folder");

        var upload = Workflow.With(steps.Single(s => Workflow.Action(s) == "actions/upload-artifact"))!;
        Assert.Equal(Artifact, Workflow.Scalar(upload, "name"));
        Assert.Equal(Folder, Workflow.Scalar(upload, "path"));
        // upload-artifact leaves out files and folders whose names start with a dot unless told otherwise.
        Assert.Equal("true", Workflow.Scalar(upload, "include-hidden-files"));
        Assert.Equal("error", Workflow.Scalar(upload, "if-no-files-found"));
    }

    [Theory]
    [MemberData(nameof(WorkflowsThatRunPulumi))]
    public void Every_pulumi_job_runs_the_one_build_of_its_run_instead_of_compiling_the_program(string file)
    {
        var workflow = Workflow.Named(file);
        Assert.Equal($"./{Workflow.Folder}/{ProgramWorkflow}", Workflow.Scalar(workflow.Job(ProgramJob), "uses"));
        foreach (var (id, job) in workflow.PulumiJobs())
        {
            Assert.True(Workflow.Needs(job).Contains(ProgramJob), $"{file}: job {id} does not wait for the program job");
            // A ReadyToRun build is for the platform it was published on.
            Assert.Equal(Workflow.Scalar(PublishJob(), "runs-on"), Workflow.Scalar(job, "runs-on"));

            var steps = Workflow.Steps(job).ToList();
            var download = steps.FindIndex(s => Workflow.Action(s) == "actions/download-artifact"
                && Workflow.Scalar(Workflow.With(s)!, "name") == Artifact && Workflow.Scalar(Workflow.With(s)!, "path") == Folder);
            var use = steps.FindIndex(s => Workflow.Scalar(s, "run") == $"{Script} {Folder}");
            var firstPulumi = steps.FindIndex(Workflow.RunsPulumi);
            var checkout = steps.FindIndex(s => Workflow.Action(s) == "actions/checkout");

            Assert.True(download > checkout && checkout >= 0, $"{file}: job {id} does not download the program build after its checkout");
            Assert.True(use > download, $"{file}: job {id} does not point Pulumi.yaml at the downloaded build");
            Assert.True(use < firstPulumi, $"{file}: job {id} runs pulumi before pointing Pulumi.yaml at the build");
        }
    }

    [Fact]
    public void The_deployments_build_outlives_the_wait_for_the_production_approval()
    {
        // An environment's required reviewers may take up to 30 days; dev's job, after prod's, downloads the build too.
        var with = (YamlMappingNode)Workflow.Named("deploy.yml").Job(ProgramJob)["with"];

        Assert.True(int.Parse(Workflow.Scalar(with, "retention-days")!, System.Globalization.CultureInfo.InvariantCulture) >= 30);
        var upload = Workflow.With(Workflow.Steps(PublishJob()).Single(s => Workflow.Action(s) == "actions/upload-artifact"))!;
        Assert.Equal("${{ inputs.retention-days }}", Workflow.Scalar(upload, "retention-days"));
    }

    [Fact]
    public void The_program_folder_is_never_committed()
    {
        var ignored = File.ReadAllLines(Tazlab.TestSupport.RepoPaths.File(".gitignore")).Select(l => l.Trim());

        Assert.Contains($"{Folder}/", ignored);
    }

    private static IEnumerable<string> PulumiWorkflows() => Workflow.All().Where(w => w.PulumiJobs().Any()).Select(w => w.Name);

    private static YamlMappingNode PublishJob() => Workflow.Named(ProgramWorkflow).Job("publish");
}
