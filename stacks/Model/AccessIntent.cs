namespace Tazlab.Stacks.Model;

/// <summary>Who may reach which tag on which TCP ports; each becomes a policy grant and an accept test.</summary>
public sealed record AccessIntent(string Name, IReadOnlyList<string> Sources, string Destination, IReadOnlyList<int> Ports);
