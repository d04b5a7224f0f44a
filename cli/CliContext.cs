namespace Tazlab.Cli;

/// <summary>Where a command writes and which folder it starts from (injected so tests can capture both).</summary>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr, string CurrentDirectory);
