namespace Tazlab.Blueprint.Planning;

/// <summary>Inputs of a plan beyond the stack: a previously applied plan to compare with, and the user's confirmations.</summary>
/// <param name="PreviousPlanJson">The text of a plan.json applied before (for changes a live cluster cannot take).</param>
/// <param name="AllowRebuild">The user accepts that the change rebuilds the cluster.</param>
/// <param name="GitOpsDirectory">A GitOps folder tree whose kustomizations are checked.</param>
public sealed record PlanOptions(string? PreviousPlanJson = null, bool AllowRebuild = false, string? GitOpsDirectory = null)
{
    public static readonly PlanOptions None = new();
}
