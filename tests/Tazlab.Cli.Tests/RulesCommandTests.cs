using Tazlab.Blueprint.Rules;
using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public void Rules_lists_every_rule_id_and_title()
    {
        var run = CliRun.Of(RepoPaths.Root, "rules");

        Assert.Equal(0, run.ExitCode);
        Assert.All(SafetyRules.All, rule => Assert.Contains(rule.Id, run.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        Assert.Equal(SafetyRules.All.Count, SafetyRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(SafetyRules.All, rule =>
        {
            Assert.Matches("^TZ0[0-9]{2}$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix));
        });
    }

    [Fact]
    public void Readme_documents_every_rule()
    {
        var readme = File.ReadAllText(RepoPaths.File("README.md"));

        Assert.All(SafetyRules.All, rule => Assert.Contains($"| {rule.Id} |", readme, StringComparison.Ordinal));
    }
}
