namespace Tazlab.ClusterApi.Talos;

/// <summary>How an upgrade step ended, in words for the person running <c>up</c>.</summary>
public sealed record UpgradeOutcome(bool Succeeded, string Message)
{
    public static UpgradeOutcome Done(string message) => new(true, message);

    public static UpgradeOutcome Failed(string message) => new(false, message);
}
