namespace Tazlab.Blueprint.Rendering.VaultServer;

public enum SubjectAlternativeNameKind
{
    /// <summary>A DNS name SAN.</summary>
    Dns,

    /// <summary>An IP address SAN.</summary>
    Ip,
}
