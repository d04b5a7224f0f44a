using System.Text.RegularExpressions;
using Tazlab.Cli.Diff;

namespace Tazlab.Cli.Tests.Diff;

public class MarkdownDiffWriterTests
{
    [Fact]
    public void Comment_has_marker_heading_counts_table_and_a_collapsed_diff_per_file()
    {
        using var folders = new DiffFolders();
        folders.WriteBoth("same.txt", "same\n");
        folders.WriteBase("tailnet/policy.hujson", "{\n  \"a\": 1,\n}\n");
        folders.WriteHead("tailnet/policy.hujson", "{\n  \"a\": 2,\n}\n");
        folders.WriteHead("talos/nodes/new.yaml", "machine: {}\n");
        folders.WriteBase("blob.bin", [0, 1, 2]);
        folders.WriteHead("blob.bin", [0, 1, 2, 3]);

        var markdown = MarkdownDiffWriter.Write(DirectoryComparer.Compare(folders.Base, folders.Head), new MarkdownDiffOptions("prod", "`prod`", ["Safety checks: none failed."]));
        var lines = markdown.Split('\n');

        Assert.Equal("<!-- tazlab-plan-diff:prod -->", lines[0]);
        Assert.Equal("### Plan diff: `prod`", lines[1]);
        Assert.Contains("Safety checks: none failed.", lines);
        Assert.Contains("**1 added, 0 removed, 2 changed**, 1 file unchanged.", lines);
        Assert.Contains("| change | file | detail |", lines);
        Assert.Contains("| changed | `blob.bin` | binary file changed, 3 → 4 bytes |", lines);
        Assert.Contains("| changed | `tailnet/policy.hujson` | +1 −1 |", lines);
        Assert.Contains("| added | `talos/nodes/new.yaml` | +1 −0 |", lines);

        // A block per text file, none for the binary one; each block opens and closes a diff fence.
        Assert.Equal(2, Regex.Count(markdown, "<details>"));
        Assert.Equal(2, Regex.Count(markdown, "</details>"));
        Assert.Contains("<summary><code>tailnet/policy.hujson</code>: changed, +1 −1</summary>", lines);
        Assert.Equal(2, lines.Count(l => l == "```diff"));
        Assert.Contains("-  \"a\": 1,\n+  \"a\": 2,\n", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("tailnet/policy.hujson</code>", StringComparison.Ordinal) < markdown.IndexOf("talos/nodes/new.yaml</code>", StringComparison.Ordinal));
    }

    [Fact]
    public void No_differences_is_said_in_one_line_without_a_table()
    {
        using var folders = new DiffFolders();
        folders.WriteBoth("a", "1\n");

        var markdown = MarkdownDiffWriter.Write(DirectoryComparer.Compare(folders.Base, folders.Head), new MarkdownDiffOptions("dev", "`dev`", []));

        Assert.Equal("<!-- tazlab-plan-diff:dev -->\n### Plan diff: `dev`\n\nNo differences in the rendered files (1 file unchanged).\n", markdown);
    }

    [Fact]
    public void Long_diffs_are_cut_with_a_note_to_stay_under_the_limit_and_small_ones_stay_whole()
    {
        using var folders = new DiffFolders();
        folders.WriteBase("big.txt", string.Concat(Enumerable.Range(0, 5000).Select(i => $"old line {i} with some padding text\n")));
        folders.WriteHead("big.txt", string.Concat(Enumerable.Range(0, 5000).Select(i => $"new line {i} with some padding text\n")));
        folders.WriteBase("small.txt", "a\n");
        folders.WriteHead("small.txt", "b\n");

        var markdown = MarkdownDiffWriter.Write(DirectoryComparer.Compare(folders.Base, folders.Head), new MarkdownDiffOptions("prod", "`prod`", [], MaxLength: 20_000));

        Assert.InRange(markdown.Length, 15_000, 20_000);
        Assert.Contains("more diff lines not shown", markdown, StringComparison.Ordinal);
        Assert.Contains("-a\n+b\n", markdown, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(markdown, "</details>"));
        Assert.Equal(2, markdown.Split('\n').Count(l => l == "```diff"));
    }

    [Fact]
    public void The_default_limit_keeps_a_huge_change_under_githubs_comment_limit()
    {
        using var folders = new DiffFolders();
        for (var f = 0; f < 300; f++)
        {
            folders.WriteHead($"files/{f:D3}.txt", string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i} of file {f}\n")));
        }

        var markdown = MarkdownDiffWriter.Write(DirectoryComparer.Compare(folders.Base, folders.Head), new MarkdownDiffOptions("prod", "`prod`", []));

        Assert.True(markdown.Length <= MarkdownDiffOptions.DefaultMaxLength, $"{markdown.Length} characters");
        Assert.True(MarkdownDiffOptions.DefaultMaxLength < 65_536);
        Assert.Equal(Regex.Count(markdown, "<details>"), Regex.Count(markdown, "</details>"));
    }

    [Fact]
    public void A_fence_in_the_content_cannot_close_the_diff_block()
    {
        using var folders = new DiffFolders();
        folders.WriteHead("README.md", "```sh\nrun\n```\n");

        var markdown = MarkdownDiffWriter.Write(DirectoryComparer.Compare(folders.Base, folders.Head), new MarkdownDiffOptions("prod", "`prod`", []));

        Assert.Contains("````diff\n", markdown, StringComparison.Ordinal);
        Assert.Contains("+```\n````\n", markdown, StringComparison.Ordinal);
    }
}
