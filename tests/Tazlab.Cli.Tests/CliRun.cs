namespace Tazlab.Cli.Tests;

/// <summary>One run of the tool in-process, with its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, currentDirectory);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
