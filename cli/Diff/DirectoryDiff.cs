namespace Tazlab.Cli.Diff;

/// <summary>The comparison of two rendered folders: every file that differs, ordinal by path, and how many are equal.</summary>
public sealed record DirectoryDiff(IReadOnlyList<FileDiff> Files, int UnchangedCount)
{
    public int AddedCount => Files.Count(f => f.Change == FileChange.Added);

    public int RemovedCount => Files.Count(f => f.Change == FileChange.Removed);

    public int ChangedCount => Files.Count(f => f.Change == FileChange.Changed);

    public bool HasChanges => Files.Count > 0;
}
