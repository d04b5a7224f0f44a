namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// Where things live on the Vault VM. The data sits where the official package expects it (/opt/vault). The TLS
/// files are the program's own, installed over SSH after the VM has joined the tailnet (never in the user data),
/// in a folder of their own: the package's postinst writes a self-signed pair into /opt/vault/tls when none is
/// there, and Vault must never start on it.
/// </summary>
public static class VaultServerPaths
{
    public const string Config = "/etc/vault.d/vault.hcl";
    public const string TailnetListenerTemplate = "/etc/vault.d/tailnet-listener.hcl.tmpl";
    public const string TailnetListener = "/run/vault/tailnet-listener.hcl";
    public const string TailnetListenerScript = "/usr/local/libexec/vault-tailnet-listener";
    public const string ServiceDropIn = "/etc/systemd/system/vault.service.d/10-tailnet.conf";
    public const string TlsDirectory = "/etc/vault.d/tls";
    public const string TlsCertificate = TlsDirectory + "/" + TlsCertificateName;
    public const string TlsPrivateKey = TlsDirectory + "/" + TlsPrivateKeyName;
    public const string CaCertificate = TlsDirectory + "/" + CaCertificateName;
    public const string TlsCertificateName = "tls.crt";
    public const string TlsPrivateKeyName = "tls.key";
    public const string CaCertificateName = "ca.crt";
    public const string Data = "/opt/vault/data";
    public const string Home = "/opt/vault";

    /// <summary>
    /// Where the join script keeps the tailnet auth key while <c>tailscale up</c> reads it (<c>--auth-key=file:</c>):
    /// root-owned, 0600 in a 0700 folder, removed once the script ends (the key is single-use).
    /// </summary>
    public const string AuthKeyDirectory = "/etc/tazlab";

    public const string AuthKeyFile = AuthKeyDirectory + "/tailscale-auth-key";

    /// <summary>Root-only: the init result lives here only while the init script runs (or until a failed run is finished).</summary>
    public const string InitStateDirectory = "/var/lib/tazlab";

    /// <summary>The token the listener script replaces with the VM's tailnet IPv4 address.</summary>
    public const string TailnetAddressToken = "@TAILNET_IPV4@";

    /// <summary>The user the Vault package runs the server as.</summary>
    public const string User = "vault";
}
