namespace Tazlab.Cli.Tests;

/// <summary>One run of the tool in-process, with its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    /// <summary>A run that sees only <paramref name="environment"/> as its environment variables.</summary>
    public static CliRun WithEnvironment(string currentDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(currentDirectory, name => environment.GetValueOrDefault(name), args);

    /// <summary>A run that reads <paramref name="stdin"/> on its standard input.</summary>
    public static CliRun WithStdin(string currentDirectory, string stdin, params string[] args) => Run(currentDirectory, null, args, stdin);

    private static CliRun Run(string currentDirectory, Func<string, string?>? environment, string[] args, string? stdin = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = stdin is null ? null : new StringReader(stdin);
        var code = CliApp.Run(args, stdout, stderr, currentDirectory, environment, input);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
