namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>One Tailscale SSH rule: <c>{"action": "check", "src": [...], "dst": [...], "users": [...]}</c>.</summary>
/// <param name="Action"><c>check</c> or <c>accept</c>, as Tailscale spells it.</param>
public sealed record PolicySshRule(string Action, IReadOnlyList<string> Src, IReadOnlyList<string> Dst, IReadOnlyList<string> Users);
