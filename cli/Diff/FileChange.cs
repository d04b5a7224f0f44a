namespace Tazlab.Cli.Diff;

/// <summary>How a file differs between the base and the head folder.</summary>
public enum FileChange
{
    Added,
    Removed,
    Changed,
}
