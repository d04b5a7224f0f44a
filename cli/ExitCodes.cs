namespace Tazlab.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything is clean.</summary>
    public const int Success = 0;

    /// <summary>The configuration is valid but a safety check failed.</summary>
    public const int SafetyCheckFailed = 1;

    /// <summary>plan --diff --exit-code: the rendered folders differ.</summary>
    public const int Differences = 1;

    /// <summary>tailnet prune: some deletions failed, or the Tailscale API could not be used.</summary>
    public const int OperationFailed = 1;

    /// <summary>Invalid configuration or command-line usage; nothing was written.</summary>
    public const int InvalidInput = 2;
}
