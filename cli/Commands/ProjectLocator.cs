using Tazlab.Stacks.Loading;

namespace Tazlab.Cli.Commands;

/// <summary>Finds the project folder: the given one, or the nearest folder upwards that holds Pulumi.yaml.</summary>
public static class ProjectLocator
{
    public static string? Find(DirectoryInfo? given, string currentDirectory)
    {
        if (given is not null)
        {
            return given.Exists ? given.FullName : null;
        }

        return PulumiProjectReader.FindProjectDirectory(currentDirectory);
    }
}
