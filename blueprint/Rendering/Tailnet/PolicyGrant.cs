namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>One network-level grant: <c>{"src": [...], "dst": [...], "ip": ["tcp:8200", ...]}</c>.</summary>
/// <param name="Name">The access intent it comes from; Tailscale grants have no name field, so it is kept for messages only.</param>
/// <param name="Ip">Protocol and port ranges in Tailscale's syntax, e.g. <c>tcp:8200</c>.</param>
public sealed record PolicyGrant(string Name, IReadOnlyList<string> Src, IReadOnlyList<string> Dst, IReadOnlyList<string> Ip);
