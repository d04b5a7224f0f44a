namespace Tazlab.Cli.Diff;

/// <summary>One file that differs between the base and the head folder.</summary>
/// <param name="Path">Relative to the compared folders, '/'-separated.</param>
/// <param name="OldSize">Bytes in the base folder; null when the file was added.</param>
/// <param name="NewSize">Bytes in the head folder; null when the file was removed.</param>
/// <param name="IsBinary">Either side is not text: only the sizes are reported, never the content.</param>
/// <param name="UnifiedDiff">The redacted unified diff, ending with a newline; empty for binary files and for text files whose lines are equal (only the final line break differs).</param>
public sealed record FileDiff(
    string Path,
    FileChange Change,
    long? OldSize,
    long? NewSize,
    bool IsBinary,
    string UnifiedDiff,
    int AddedLines,
    int RemovedLines);
