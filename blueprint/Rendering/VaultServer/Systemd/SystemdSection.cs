namespace Tazlab.Blueprint.Rendering.VaultServer.Systemd;

/// <summary>A <c>[Section]</c> of a unit file with its directives, in order (order matters for resets).</summary>
public sealed record SystemdSection(string Name, IReadOnlyList<SystemdDirective> Directives);
