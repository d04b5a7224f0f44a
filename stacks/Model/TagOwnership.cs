namespace Tazlab.Stacks.Model;

/// <summary>A tag and who may apply it (users, groups, <c>autogroup:admin</c> or other tags).</summary>
public sealed record TagOwnership(string Tag, IReadOnlyList<string> Owners);
