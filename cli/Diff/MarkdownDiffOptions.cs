namespace Tazlab.Cli.Diff;

/// <param name="Stack">Names the hidden marker, so a workflow finds and updates its own comment.</param>
/// <param name="Title">The heading's text after "Plan diff: ".</param>
/// <param name="Notes">Paragraphs under the heading (e.g. the safety checks' outcome), Markdown as given.</param>
/// <param name="MaxLength">The whole document stays within this many characters; per-file diffs are cut to fit.</param>
public sealed record MarkdownDiffOptions(string Stack, string Title, IReadOnlyList<string> Notes, int MaxLength = MarkdownDiffOptions.DefaultMaxLength)
{
    /// <summary>GitHub refuses a comment longer than 65,536 characters; the rest is headroom for a workflow's own lines.</summary>
    public const int DefaultMaxLength = 60_000;

    /// <summary>Below this not even the summary fits.</summary>
    public const int MinimumMaxLength = 2_000;
}
