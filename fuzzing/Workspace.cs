namespace Tazlab.Fuzzing;

/// <summary>A worker's own copy of the project's Pulumi files in a temporary folder, restored after each case.</summary>
public sealed class Workspace : IDisposable
{
    private readonly Dictionary<string, byte[]> _originals = new(StringComparer.Ordinal);

    private Workspace(string directory) => Directory = directory;

    public string Directory { get; }

    public static Workspace CopyOf(string projectDirectory)
    {
        var workspace = new Workspace(System.IO.Directory.CreateTempSubdirectory("tazlab-fuzz-").FullName);
        foreach (var file in System.IO.Directory.EnumerateFiles(projectDirectory, "Pulumi*.yaml"))
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(Path.Combine(workspace.Directory, Path.GetFileName(file)), bytes);
            workspace._originals[Path.GetFileName(file)] = bytes;
        }

        return workspace;
    }

    /// <summary>Puts the stack's file back as the project has it.</summary>
    public void Restore(string stack)
    {
        var name = $"Pulumi.{stack}.yaml";
        File.WriteAllBytes(Path.Combine(Directory, name), _originals[name]);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
