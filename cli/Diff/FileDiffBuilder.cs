using DiffPlex;
using DiffPlex.Model;
using DiffPlex.Renderer;

namespace Tazlab.Cli.Diff;

/// <summary>
/// One file's entry: DiffPlex computes the line diff on the real text, and its unified renderer prints the same
/// hunks over the redacted lines, so a changed secret shows as a changed line whose value is masked on both sides.
/// </summary>
public static class FileDiffBuilder
{
    /// <summary>Lines of context around each change, as in <c>diff -u</c>.</summary>
    public const int ContextLines = 3;

    private const string NoFile = "/dev/null";

    private static readonly UnidiffRenderer Renderer = new(Differ.Instance, ContextLines);

    public static FileDiff Text(string path, FileChange change, string oldText, string newText, long? oldSize, long? newSize)
    {
        ArgumentNullException.ThrowIfNull(path);
        var real = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var shown = new DiffResult(SecretRedactor.Redact(real.PiecesOld), SecretRedactor.Redact(real.PiecesNew), real.DiffBlocks);
        var unified = real.DiffBlocks.Count == 0
            ? string.Empty
            : Normalise(Renderer.Generate(shown, change == FileChange.Added ? NoFile : "a/" + path, change == FileChange.Removed ? NoFile : "b/" + path));
        return new FileDiff(
            path,
            change,
            oldSize,
            newSize,
            IsBinary: false,
            unified,
            AddedLines: real.DiffBlocks.Sum(b => b.InsertCountB),
            RemovedLines: real.DiffBlocks.Sum(b => b.DeleteCountA));
    }

    /// <summary>Only the sizes: binary content is never shown, and cannot be redacted reliably.</summary>
    public static FileDiff Binary(string path, FileChange change, long? oldSize, long? newSize) =>
        new(path, change, oldSize, newSize, IsBinary: true, string.Empty, 0, 0);

    /// <summary>One line break at the end, whatever the renderer appended.</summary>
    private static string Normalise(string unified) => unified.TrimEnd('\n', '\r') + "\n";
}
