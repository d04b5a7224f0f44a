using System.Globalization;

namespace Tazlab.Cli.Diff;

/// <summary>The words both writers use, so the text and Markdown reports say the same thing.</summary>
public static class DiffDescriptions
{
    public static string Change(FileChange change) => change switch
    {
        FileChange.Added => "added",
        FileChange.Removed => "removed",
        _ => "changed",
    };

    /// <summary>"1 added, 0 removed, 2 changed".</summary>
    public static string Counts(DirectoryDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return string.Create(CultureInfo.InvariantCulture, $"{diff.AddedCount} added, {diff.RemovedCount} removed, {diff.ChangedCount} changed");
    }

    /// <summary>What changed inside the file: line counts, or the sizes of a binary file.</summary>
    public static string Detail(FileDiff file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsBinary)
        {
            return file.Change switch
            {
                FileChange.Added => Invariant($"binary, {file.NewSize} bytes"),
                FileChange.Removed => Invariant($"binary, {file.OldSize} bytes"),
                _ => Invariant($"binary file changed, {file.OldSize} → {file.NewSize} bytes"),
            };
        }

        if (file.UnifiedDiff.Length == 0)
        {
            return file.Change == FileChange.Changed ? "only the line break at the end of the file" : "empty file";
        }

        return Invariant($"+{file.AddedLines} −{file.RemovedLines}");
    }

    public static string Unchanged(int count) => count == 1 ? "1 file unchanged" : Invariant($"{count} files unchanged");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
