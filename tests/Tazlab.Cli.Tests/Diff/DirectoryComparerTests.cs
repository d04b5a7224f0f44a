using Tazlab.Cli.Diff;

namespace Tazlab.Cli.Tests.Diff;

public class DirectoryComparerTests
{
    [Fact]
    public void Every_file_is_classified_and_listed_in_ordinal_path_order()
    {
        using var folders = new DiffFolders();
        folders.WriteBoth("same.yaml", "a: 1\n");
        folders.WriteHead("b/new.yaml", "x: 1\n");
        folders.WriteBase("a/gone.yaml", "y: 1\n");
        folders.WriteBase("Z/changed.yaml", "z: 1\n");
        folders.WriteHead("Z/changed.yaml", "z: 2\n");

        var diff = DirectoryComparer.Compare(folders.Base, folders.Head);

        Assert.Equal(["Z/changed.yaml", "a/gone.yaml", "b/new.yaml"], diff.Files.Select(f => f.Path));
        Assert.Equal([FileChange.Changed, FileChange.Removed, FileChange.Added], diff.Files.Select(f => f.Change));
        Assert.Equal(1, diff.UnchangedCount);
        Assert.Equal((1, 1, 1), (diff.AddedCount, diff.RemovedCount, diff.ChangedCount));
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void A_changed_text_file_has_a_unified_diff_with_line_counts()
    {
        using var folders = new DiffFolders();
        var lines = Enumerable.Range(1, 20).Select(i => $"line {i}").ToList();
        folders.WriteBase("f.txt", string.Join('\n', lines) + "\n");
        lines[9] = "line ten";
        lines.Add("line 21");
        folders.WriteHead("f.txt", string.Join('\n', lines) + "\n");

        var file = Assert.Single(DirectoryComparer.Compare(folders.Base, folders.Head).Files);

        Assert.Equal((1, 2), (file.RemovedLines, file.AddedLines));
        Assert.StartsWith("--- a/f.txt\n+++ b/f.txt\n@@ -7,7 +7,7 @@\n line 7\n", file.UnifiedDiff, StringComparison.Ordinal);
        Assert.Contains("-line 10\n+line ten\n", file.UnifiedDiff, StringComparison.Ordinal);
        Assert.Contains("+line 21\n", file.UnifiedDiff, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3\n", file.UnifiedDiff, StringComparison.Ordinal);
        Assert.EndsWith("\n", file.UnifiedDiff, StringComparison.Ordinal);
        Assert.False(file.UnifiedDiff.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Added_and_removed_files_diff_against_dev_null()
    {
        using var folders = new DiffFolders();
        folders.WriteHead("new.txt", "one\ntwo\n");
        folders.WriteBase("old.txt", "gone\n");

        var files = DirectoryComparer.Compare(folders.Base, folders.Head).Files;

        Assert.StartsWith("--- /dev/null\n+++ b/new.txt\n", files[0].UnifiedDiff, StringComparison.Ordinal);
        Assert.Contains("+one\n+two\n", files[0].UnifiedDiff, StringComparison.Ordinal);
        Assert.StartsWith("--- a/old.txt\n+++ /dev/null\n", files[1].UnifiedDiff, StringComparison.Ordinal);
        Assert.Contains("-gone\n", files[1].UnifiedDiff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 })]
    [InlineData(new byte[] { 0x61, 0xC3, 0x28 })]
    public void Binary_files_report_sizes_and_never_content(byte[] binary)
    {
        using var folders = new DiffFolders();
        folders.WriteBase("blob", "text before\n");
        folders.WriteHead("blob", binary);
        folders.WriteHead("added.bin", binary);

        var diff = DirectoryComparer.Compare(folders.Base, folders.Head);
        var changed = diff.Files.Single(f => f.Path == "blob");

        Assert.True(changed.IsBinary);
        Assert.Equal((12L, 3L), (changed.OldSize!.Value, changed.NewSize!.Value));
        Assert.Equal(string.Empty, changed.UnifiedDiff);
        Assert.Equal("binary file changed, 12 → 3 bytes", DiffDescriptions.Detail(changed));
        Assert.Equal("binary, 3 bytes", DiffDescriptions.Detail(diff.Files.Single(f => f.Path == "added.bin")));
        var text = TextDiffWriter.Write(diff, "t", []);
        Assert.DoesNotContain("text before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_final_line_break_changed_is_a_change_without_hunks()
    {
        using var folders = new DiffFolders();
        folders.WriteBase("f", "a\nb");
        folders.WriteHead("f", "a\nb\n");

        var file = Assert.Single(DirectoryComparer.Compare(folders.Base, folders.Head).Files);

        Assert.Equal(FileChange.Changed, file.Change);
        Assert.Equal(string.Empty, file.UnifiedDiff);
        Assert.Equal("only the line break at the end of the file", DiffDescriptions.Detail(file));
    }

    [Fact]
    public void Identical_folders_have_no_changes()
    {
        using var folders = new DiffFolders();
        folders.WriteBoth("a", "1\n");
        folders.WriteBoth("b/c", "2\n");

        var diff = DirectoryComparer.Compare(folders.Base, folders.Head);

        Assert.False(diff.HasChanges);
        Assert.Equal(2, diff.UnchangedCount);
        Assert.Equal("Rendered files of t\nNo differences: 2 files unchanged.\n", TextDiffWriter.Write(diff, "t", []));
    }
}
