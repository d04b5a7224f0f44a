namespace Tazlab.Cli.Diff;

/// <summary>Compares two rendered folders file by file, in ordinal path order so two runs print the same report.</summary>
public static class DirectoryComparer
{
    /// <param name="baseDirectory">What the files were (e.g. the base commit's out/&lt;stack&gt;).</param>
    /// <param name="headDirectory">What they are now.</param>
    public static DirectoryDiff Compare(string baseDirectory, string headDirectory)
    {
        var before = FilesOf(baseDirectory);
        var after = FilesOf(headDirectory);
        var files = new List<FileDiff>();
        var unchanged = 0;
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.TryGetValue(path, out var oldPath) ? File.ReadAllBytes(oldPath) : null;
            var current = after.TryGetValue(path, out var newPath) ? File.ReadAllBytes(newPath) : null;
            if (old is not null && current is not null && old.AsSpan().SequenceEqual(current))
            {
                unchanged++;
                continue;
            }

            var change = old is null ? FileChange.Added : current is null ? FileChange.Removed : FileChange.Changed;
            var oldText = old is null ? string.Empty : TextContent.Decode(old);
            var newText = current is null ? string.Empty : TextContent.Decode(current);
            files.Add(oldText is null || newText is null
                ? FileDiffBuilder.Binary(path, change, old?.LongLength, current?.LongLength)
                : FileDiffBuilder.Text(path, change, oldText, newText, old?.LongLength, current?.LongLength));
        }

        return new DirectoryDiff(files, unchanged);
    }

    /// <summary>Relative path ('/'-separated) → full path of every file below <paramref name="directory"/>.</summary>
    private static Dictionary<string, string> FilesOf(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);
}
