namespace Tazlab.Stacks.Model;

/// <summary>What a Tailscale SSH rule does with a matching connection.</summary>
public enum SshAction
{
    /// <summary><c>check</c>: the user re-authenticates before the session opens.</summary>
    Check,

    /// <summary><c>accept</c>: the session opens on the tailnet identity alone.</summary>
    Accept,
}
