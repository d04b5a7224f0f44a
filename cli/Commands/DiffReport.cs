using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;
using Tazlab.Cli.Diff;

namespace Tazlab.Cli.Commands;

/// <summary><c>plan --diff</c>'s output: the comparison of the folder just written with a base folder, with the plan's safety outcome on top.</summary>
/// <param name="BaseLabel">How the base folder is named in the report (relative to where the tool runs).</param>
/// <param name="HeadLabel">How the folder just written is named.</param>
public sealed record DiffReport(string Stack, Plan Plan, string BaseLabel, string HeadLabel)
{
    /// <returns>Whether the folders differ.</returns>
    public bool Print(TextWriter stdout, string baseDirectory, string headDirectory, bool markdown, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var diff = DirectoryComparer.Compare(baseDirectory, headDirectory);
        stdout.Write(markdown
            ? MarkdownDiffWriter.Write(diff, new MarkdownDiffOptions(Stack, $"`{Stack}`", [SafetyNote(markdown: true)], maxChars))
            : TextDiffWriter.Write(diff, $"{Stack}: {HeadLabel} against {BaseLabel}", [SafetyNote(markdown: false)]));
        return diff.HasChanges;
    }

    /// <summary>The reviewer sees at once whether the head's plan passes; the messages are in the plan's own output.</summary>
    private string SafetyNote(bool markdown)
    {
        var failed = Plan.Checks.Where(c => c.Status == RuleStatus.Fail).Select(c => c.RuleId).ToList();
        if (failed.Count == 0)
        {
            return "Safety checks: none failed.";
        }

        var ids = string.Join(", ", failed);
        return markdown
            ? $"**Safety checks failed: {ids}** (run `plan --stack {Stack}` for the messages and fixes)."
            : $"Safety checks FAILED: {ids} (run plan --stack {Stack} for the messages and fixes).";
    }
}
