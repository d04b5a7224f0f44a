using Tazlab.Blueprint.GitOps;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;

namespace Tazlab.Blueprint.Tests.Rules;

public sealed class GitOpsKustomizationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tazlab-gitops-");

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_file_missing_from_resources_is_found_like_the_grafana_secrets()
    {
        Write("infrastructure/monitoring/kustomization.yaml", "resources:\n  - grafana.yaml\n");
        Write("infrastructure/monitoring/grafana.yaml", "kind: HelmRelease\n");
        Write("infrastructure/monitoring/secrets.yaml", "kind: ExternalSecret\n");

        Assert.Equal(
            ["infrastructure/monitoring/kustomization.yaml: secrets.yaml is beside the kustomization but not referenced, so it is never applied; expected it under resources: (or in .gitops-lint-ignore)"],
            KustomizationLinter.Lint(_root.FullName));
    }

    [Fact]
    public void A_listed_file_that_does_not_exist_is_found()
    {
        Write("apps/kustomization.yaml", "resources:\n  - app.yaml\n  - gone.yaml\n  - https://github.com/org/repo//base?ref=v1\n");
        Write("apps/app.yaml", "kind: Deployment\n");

        Assert.Equal(["apps/kustomization.yaml: gone.yaml is listed but does not exist; expected an existing file or folder"], KustomizationLinter.Lint(_root.FullName));
    }

    [Fact]
    public void Patches_generators_subfolders_and_the_ignore_list_count_as_referenced()
    {
        Write("base/kustomization.yaml", "resources:\n  - sub\n  - a.yaml\npatches:\n  - path: patch.yaml\nconfigMapGenerator:\n  - name: c\n    files:\n      - conf=settings.yml\n");
        Write("base/a.yaml", "kind: A\n");
        Write("base/patch.yaml", "kind: A\n");
        Write("base/settings.yml", "x: 1\n");
        Write("base/draft.yaml", "kind: Draft\n");
        Write("base/.gitops-lint-ignore", "# kept for later\ndraft.yaml\n");
        Write("base/sub/kustomization.yaml", "resources: [b.yaml]\n");
        Write("base/sub/b.yaml", "kind: B\n");

        Assert.Empty(KustomizationLinter.Lint(_root.FullName));
    }

    [Fact]
    public void A_listed_folder_without_a_kustomization_and_a_broken_kustomization_are_found()
    {
        Write("x/kustomization.yaml", "resources:\n  - empty\n");
        Directory.CreateDirectory(Path.Combine(_root.FullName, "x/empty"));
        Write("y/kustomization.yaml", "resources: [unclosed\n");

        var findings = KustomizationLinter.Lint(_root.FullName);

        Assert.Contains("x/kustomization.yaml: empty is a folder without a kustomization; expected a folder with a kustomization.yaml, or a file", findings);
        Assert.Contains(findings, f => f.StartsWith("y/kustomization.yaml: line ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_is_skipped_without_a_folder_and_fails_on_findings()
    {
        Write("k/kustomization.yaml", "resources: []\n");
        Write("k/orphan.yaml", "kind: X\n");
        var plan = PlanFixture.Of("prod");

        Assert.Equal(RuleStatus.Skipped, plan.Check("TZ071").Status);
        var result = (plan.Context with { Options = new PlanOptions(GitOpsDirectory: _root.FullName) }).Evaluate("TZ071");
        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.False(plan.SafetyFailed);
    }
}
