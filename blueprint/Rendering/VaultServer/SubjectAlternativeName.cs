namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>One SAN of Vault's TLS certificate; the Pulumi layer builds the certificate request from exactly these.</summary>
public sealed record SubjectAlternativeName(SubjectAlternativeNameKind Kind, string Value)
{
    public static SubjectAlternativeName Dns(string name) => new(SubjectAlternativeNameKind.Dns, name);

    public static SubjectAlternativeName Ip(string address) => new(SubjectAlternativeNameKind.Ip, address);

    public string KindName => Kind == SubjectAlternativeNameKind.Dns ? "dns" : "ip";

    public override string ToString() => $"{KindName}:{Value}";
}
