namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>One entry of <c>tagOwners</c>: a tag and who may apply it (users, groups, autogroups or other tags).</summary>
public sealed record PolicyTagOwner(string Tag, IReadOnlyList<string> Owners);
