namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// One policy test: from <paramref name="Src"/> (a user or a tag) every <paramref name="Accept"/> target must be
/// reachable and every <paramref name="Deny"/> target must not be. Targets are <c>host:port</c>, e.g. <c>tag:vault-api:8200</c>.
/// </summary>
public sealed record PolicyTest(string Src, IReadOnlyList<string> Accept, IReadOnlyList<string> Deny);
