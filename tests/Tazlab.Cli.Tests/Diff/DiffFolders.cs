namespace Tazlab.Cli.Tests.Diff;

/// <summary>Two throw-away folders, base and head, that a test fills file by file.</summary>
public sealed class DiffFolders : IDisposable
{
    public DiffFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "tazlab-diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Base);
        Directory.CreateDirectory(Head);
    }

    public string Root { get; }

    public string Base => Path.Combine(Root, "base");

    public string Head => Path.Combine(Root, "head");

    public void WriteBase(string path, string text) => Write(Base, path, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteHead(string path, string text) => Write(Head, path, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteBase(string path, byte[] bytes) => Write(Base, path, bytes);

    public void WriteHead(string path, byte[] bytes) => Write(Head, path, bytes);

    public void WriteBoth(string path, string text)
    {
        WriteBase(path, text);
        WriteHead(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void Write(string folder, string path, byte[] bytes)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
