namespace Tazlab.Cli.Tests;

/// <summary>One run of the tool in-process, with its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    /// <summary>A run that sees only <paramref name="environment"/> as its environment variables.</summary>
    public static CliRun WithEnvironment(string currentDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(currentDirectory, name => environment.GetValueOrDefault(name), args);

    private static CliRun Run(string currentDirectory, Func<string, string?>? environment, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, currentDirectory, environment);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
