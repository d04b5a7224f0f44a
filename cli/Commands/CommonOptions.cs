using System.CommandLine;

namespace Tazlab.Cli.Commands;

/// <summary>Options shared by the commands that read a stack.</summary>
public static class CommonOptions
{
    public static Option<string> Stack() => new("--stack", "-s")
    {
        Description = "The stack to read: its configuration is Pulumi.<stack>.yaml beside Pulumi.yaml.",
        Required = true,
    };

    public static Option<DirectoryInfo?> ProjectDirectory() => new("--project-dir")
    {
        Description = "The folder holding Pulumi.yaml (default: the current folder or the nearest parent that has one).",
    };
}
