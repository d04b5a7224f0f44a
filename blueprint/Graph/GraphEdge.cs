namespace Tazlab.Blueprint.Graph;

/// <summary>
/// <paramref name="From"/> must come before <paramref name="To"/>: To depends on From.
/// </summary>
/// <param name="Reason">Why, in a few words.</param>
/// <param name="BreakHint">For an edge that configuration chose, how to choose otherwise when it closes a cycle.</param>
public sealed record GraphEdge(string From, string To, EdgeKind Kind, string Reason, string? BreakHint = null);
