namespace Tazlab.Blueprint.Graph;

/// <summary>One part of the platform at the grain where bootstrap has failed before.</summary>
/// <param name="Id">Stable identifier, used in config (<c>durationEstimates</c>) and in the files.</param>
/// <param name="Label">What the part is, for people.</param>
/// <param name="Area">The concern it belongs to (tailnet, vault, talos, …).</param>
/// <param name="Duration">How long creating or reaching it takes, as estimated.</param>
/// <param name="Realisation">Whether the program registers resources for it, or it is a state reached or configuration read.</param>
public sealed record GraphNode(string Id, string Label, string Area, TimeSpan Duration, NodeRealisation Realisation = NodeRealisation.Resources);
