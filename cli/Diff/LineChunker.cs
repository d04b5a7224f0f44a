using DiffPlex;

namespace Tazlab.Cli.Diff;

/// <summary>
/// Splits text into lines on '\n' only, without the empty piece after a final line break: DiffPlex's own line
/// chunker also splits on '\r' and shows that empty piece as a line of its own in every hunk at the end of a file.
/// </summary>
public sealed class LineChunker : IChunker
{
    public static LineChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
