namespace Tazlab.TailnetApi.Pruning;

/// <summary>How a prune run chooses and acts.</summary>
/// <param name="OlderThan">An offline device is deleted only when it was last seen longer ago than this.</param>
/// <param name="IncludeOnline">Also delete online devices (never the online holder of a canonical name).</param>
/// <param name="DryRun">Decide and report, delete nothing.</param>
public sealed record PruneOptions(TimeSpan OlderThan, bool IncludeOnline, bool DryRun)
{
    /// <summary>Long enough that a node rebooting or briefly disconnected is not taken for a ghost.</summary>
    public static readonly TimeSpan DefaultOlderThan = TimeSpan.FromHours(1);
}
