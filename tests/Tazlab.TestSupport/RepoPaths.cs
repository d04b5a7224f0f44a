namespace Tazlab.TestSupport;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds tazlab.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "tazlab.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tazlab.slnx not found above " + AppContext.BaseDirectory);
    }
}
