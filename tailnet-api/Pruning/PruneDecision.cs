using Tazlab.TailnetApi.Client;

namespace Tazlab.TailnetApi.Pruning;

/// <summary>What happened to one device the run considered, and why.</summary>
/// <param name="MatchedName">The platform device name its MagicDNS name stands for, if any.</param>
public sealed record PruneDecision(TailscaleDevice Device, string? MatchedName, PruneAction Action, string Reason);
