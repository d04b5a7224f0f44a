namespace Tazlab.TailnetApi.Pruning;

/// <summary>The outcome of a run: a decision for every device that looked like the platform's.</summary>
/// <param name="DevicesListed">Every device the tailnet listed, the platform's or not.</param>
/// <param name="OutsideTailnet">Devices whose MagicDNS name is not in the stack's tailnet (a sign the credentials belong to another one).</param>
public sealed record PruneResult(IReadOnlyList<PruneDecision> Decisions, int DevicesListed, int OutsideTailnet, bool DryRun)
{
    public int Count(PruneAction action) => Decisions.Count(d => d.Action == action);

    public bool AnyFailed => Decisions.Any(d => d.Action == PruneAction.DeleteFailed);
}
