using System.CommandLine;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Reading;

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

    /// <summary>Reads a positive duration option, or says why not on stderr (the caller exits with a usage error).</summary>
    public static bool TryPositiveDuration(CliContext context, string option, string? text, out TimeSpan duration)
    {
        if (DurationParser.TryParse(text ?? string.Empty, out duration) && duration > TimeSpan.Zero)
        {
            return true;
        }

        context.Stderr.WriteLine($"{option}: '{ConfigScalar.Printable(text ?? string.Empty)}' is not a positive duration; expected {DurationParser.Expected}");
        return false;
    }
}
