namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// Where things live on the Vault VM. TLS material and data sit where the official package expects them
/// (/opt/vault): its postinst then finds a certificate and does not generate a self-signed one.
/// </summary>
public static class VaultServerPaths
{
    public const string Config = "/etc/vault.d/vault.hcl";
    public const string TailnetListenerTemplate = "/etc/vault.d/tailnet-listener.hcl.tmpl";
    public const string TailnetListener = "/run/vault/tailnet-listener.hcl";
    public const string TailnetListenerScript = "/usr/local/libexec/vault-tailnet-listener";
    public const string ServiceDropIn = "/etc/systemd/system/vault.service.d/10-tailnet.conf";
    public const string TlsCertificate = "/opt/vault/tls/tls.crt";
    public const string TlsPrivateKey = "/opt/vault/tls/tls.key";
    public const string CaCertificate = "/opt/vault/tls/ca.crt";
    public const string Data = "/opt/vault/data";
    public const string Home = "/opt/vault";

    /// <summary>The token the listener script replaces with the VM's tailnet IPv4 address.</summary>
    public const string TailnetAddressToken = "@TAILNET_IPV4@";

    /// <summary>The user the Vault package runs the server as.</summary>
    public const string User = "vault";
}
