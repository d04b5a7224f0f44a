using System.Globalization;
using System.Net;
using System.Text;

namespace Tazlab.Cli.Diff;

/// <summary>
/// The diff as a pull-request comment: a hidden marker, a heading, the counts, a table of the files, then each
/// file's unified diff in a collapsed <c>&lt;details&gt;</c> block. Long diffs are cut, line by line, so the whole
/// comment stays under <see cref="MarkdownDiffOptions.MaxLength"/>: the space left after the table is shared
/// fairly, small diffs first, so one huge file cannot push every other file out.
/// </summary>
public static class MarkdownDiffWriter
{
    public const string MarkerPrefix = "<!-- tazlab-plan-diff:";

    /// <summary>Room kept for the closing note about diffs left out.</summary>
    private const int ClosingReserve = 300;

    public static string Marker(string stack) => MarkerPrefix + stack + " -->";

    public static string Write(DirectoryDiff diff, MarkdownDiffOptions options)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(options);
        var head = Header(diff, options);
        if (!diff.HasChanges)
        {
            return head;
        }

        var sections = diff.Files.Where(f => f.UnifiedDiff.Length > 0).ToList();
        var budget = Math.Max(0, options.MaxLength - head.Length - ClosingReserve);
        var shown = Allocate(sections, budget);
        var text = new StringBuilder(head);
        var omitted = 0;
        foreach (var file in sections)
        {
            var section = shown[file.Path];
            if (section.Length == 0)
            {
                omitted++;
            }

            text.Append(section);
        }

        if (omitted > 0)
        {
            text.Append(Invariant($"_{omitted} file diff(s) left out to stay under GitHub's comment limit; run `plan --diff` locally to see them._\n"));
        }

        return text.ToString();
    }

    private static string Header(DirectoryDiff diff, MarkdownDiffOptions options)
    {
        var text = new StringBuilder();
        text.Append(Marker(options.Stack)).Append('\n');
        text.Append("### Plan diff: ").Append(options.Title).Append("\n\n");
        foreach (var note in options.Notes)
        {
            text.Append(note).Append("\n\n");
        }

        if (!diff.HasChanges)
        {
            text.Append("No differences in the rendered files (").Append(DiffDescriptions.Unchanged(diff.UnchangedCount)).Append(").\n");
            return text.ToString();
        }

        text.Append("**").Append(DiffDescriptions.Counts(diff)).Append("**, ").Append(DiffDescriptions.Unchanged(diff.UnchangedCount)).Append(".\n\n");
        text.Append("| change | file | detail |\n| --- | --- | --- |\n");

        // The table itself may not take more than half the room: a huge change set lists its first files only.
        var rows = 0;
        foreach (var file in diff.Files)
        {
            var row = $"| {DiffDescriptions.Change(file.Change)} | `{file.Path.Replace("|", "\\|", StringComparison.Ordinal)}` | {DiffDescriptions.Detail(file)} |\n";
            if (text.Length + row.Length > options.MaxLength / 2)
            {
                text.Append(Invariant($"| … | {diff.Files.Count - rows} more files | |\n"));
                break;
            }

            text.Append(row);
            rows++;
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Each file's section within its share of <paramref name="budget"/>; an empty string when not even a cut one fits.</summary>
    private static Dictionary<string, string> Allocate(List<FileDiff> sections, int budget)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var full = sections.ToDictionary(f => f.Path, f => Section(f, f.UnifiedDiff, cutLines: 0, FenceFor(f.UnifiedDiff)), StringComparer.Ordinal);
        var remaining = budget;
        var left = sections.Count;
        foreach (var file in sections.OrderBy(f => full[f.Path].Length).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            var share = remaining / left--;
            var section = full[file.Path].Length <= share ? full[file.Path] : Cut(file, share);
            result[file.Path] = section;
            remaining -= section.Length;
        }

        return result;
    }

    /// <summary>The section with as many leading diff lines as fit in <paramref name="room"/>, and a note saying how many were cut.</summary>
    private static string Cut(FileDiff file, int room)
    {
        var lines = file.UnifiedDiff.Split('\n')[..^1];
        var fence = FenceFor(file.UnifiedDiff);

        // The note's number shrinks as lines are kept: measure the frame with the largest it can be.
        var used = Section(file, string.Empty, lines.Length, fence).Length;
        var count = 0;
        while (count < lines.Length && used + lines[count].Length + 1 <= room)
        {
            used += lines[count].Length + 1;
            count++;
        }

        return count == 0 ? string.Empty : Section(file, string.Join('\n', lines[..count]) + "\n", lines.Length - count, fence);
    }

    private static string Section(FileDiff file, string unified, int cutLines, string fence)
    {
        var text = new StringBuilder();
        text.Append("<details>\n<summary><code>").Append(WebUtility.HtmlEncode(file.Path)).Append("</code>: ")
            .Append(DiffDescriptions.Change(file.Change)).Append(", ").Append(DiffDescriptions.Detail(file)).Append("</summary>\n\n");
        text.Append(fence).Append("diff\n").Append(unified).Append(fence).Append('\n');
        if (cutLines > 0)
        {
            text.Append(Invariant($"\n_Cut: {cutLines} more diff lines not shown (GitHub's comment limit); run `plan --diff` locally for the whole diff._\n"));
        }

        return text.Append("\n</details>\n\n").ToString();
    }

    /// <summary>A code fence longer than any run of backticks in the diff, so file content cannot close it.</summary>
    private static string FenceFor(string unified) => new('`', Math.Max(3, LongestBacktickRun(unified) + 1));

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
