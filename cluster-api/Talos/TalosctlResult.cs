namespace Tazlab.ClusterApi.Talos;

/// <summary>What one talosctl run printed, and its exit code (talosctl exits 1 on any error).</summary>
public sealed record TalosctlResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last line talosctl printed on stderr: where it says what went wrong.</summary>
    public string LastError => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit {ExitCode}";
}
