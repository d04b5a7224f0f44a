namespace Tazlab.Components.VaultKubernetesAuth;

/// <summary>
/// The Vault provider trusts a CA only through a file (<c>ca_cert_file</c>). Vault's CA certificate is public, so
/// it is written where the provider can read it, one file per stack; nothing secret ever goes to disk.
/// </summary>
public static class VaultCaFile
{
    public static string Write(string stackName, string caCertificatePem)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tazlab");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{stackName}-vault-ca.pem");
        File.WriteAllText(path, caCertificatePem);
        return path;
    }
}
