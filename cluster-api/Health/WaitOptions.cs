namespace Tazlab.ClusterApi.Health;

/// <summary>How long to wait for health, how often to look, and how often to say so.</summary>
public sealed record WaitOptions(TimeSpan Timeout, TimeSpan Interval, TimeSpan ReportEvery)
{
    /// <summary>A fresh Talos cluster takes a few minutes: the graph estimates four for "cluster healthy".</summary>
    public static readonly WaitOptions Default = new(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}
