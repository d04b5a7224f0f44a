namespace Tazlab.Stacks.Model;

/// <summary>A sensitive pair that must stay closed; it becomes a deny test in the tailnet policy.</summary>
public sealed record DenyTest(string Source, string Destination, IReadOnlyList<int> Ports);
