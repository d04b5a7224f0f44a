namespace Tazlab.Blueprint.Rendering.VaultServer.Systemd;

/// <summary><c>Key=Value</c> in a unit file; an empty value resets a list setting such as <c>ExecStart=</c>.</summary>
/// <param name="Comment">Written as a <c>#</c> line above the directive: why it is set.</param>
public sealed record SystemdDirective(string Key, string Value, string? Comment = null);
