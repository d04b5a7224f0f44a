namespace Tazlab.Cli;

/// <summary>Where a command writes, which folder it starts from and how it reads environment variables (injected so tests can capture and control all of them).</summary>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr, string CurrentDirectory)
{
    /// <summary>Reads one environment variable; tests pass their own so the real environment neither leaks in nor is changed.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Where secrets come in (unseal keys): never an argument or a variable, which a process list or a log shows.</summary>
    public TextReader Stdin { get; init; } = Console.In;
}
