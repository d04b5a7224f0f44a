using System.Text;

namespace Tazlab.Cli.Diff;

/// <summary>The diff for a terminal: a summary line, one line per file, then each file's unified diff.</summary>
public static class TextDiffWriter
{
    /// <param name="title">What was compared, e.g. "prod: out/prod against base/prod".</param>
    /// <param name="notes">Lines printed under the title (e.g. the safety checks' outcome).</param>
    public static string Write(DirectoryDiff diff, string title, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(notes);
        var text = new StringBuilder();
        text.Append("Rendered files of ").Append(title).Append('\n');
        foreach (var note in notes)
        {
            text.Append(note).Append('\n');
        }

        if (!diff.HasChanges)
        {
            text.Append("No differences: ").Append(DiffDescriptions.Unchanged(diff.UnchangedCount)).Append(".\n");
            return text.ToString();
        }

        text.Append(DiffDescriptions.Counts(diff)).Append(", ").Append(DiffDescriptions.Unchanged(diff.UnchangedCount)).Append("\n\n");
        var width = diff.Files.Max(f => DiffDescriptions.Change(f.Change).Length);
        foreach (var file in diff.Files)
        {
            text.Append("  ").Append(DiffDescriptions.Change(file.Change).PadRight(width)).Append("  ")
                .Append(file.Path).Append(" (").Append(DiffDescriptions.Detail(file)).Append(")\n");
        }

        foreach (var file in diff.Files)
        {
            text.Append('\n');
            if (file.UnifiedDiff.Length > 0)
            {
                text.Append(file.UnifiedDiff);
            }
            else
            {
                text.Append(file.Path).Append(": ").Append(DiffDescriptions.Change(file.Change)).Append(", ")
                    .Append(DiffDescriptions.Detail(file)).Append('\n');
            }
        }

        return text.ToString();
    }
}
