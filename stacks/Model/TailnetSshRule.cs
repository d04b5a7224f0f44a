namespace Tazlab.Stacks.Model;

/// <summary>Who may open a Tailscale SSH session to which tag, as which local users; becomes one rule of the policy's <c>ssh</c> section.</summary>
public sealed record TailnetSshRule(IReadOnlyList<string> Sources, string Destination, IReadOnlyList<string> Users, SshAction Action);
