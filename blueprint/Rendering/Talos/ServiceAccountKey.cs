using System.Security.Cryptography;
using System.Text;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// Reads the material Vault needs out of Talos machine secrets, which hold PEM text base64-encoded: the
/// service-account signing key's public half (Vault's <c>jwt_validation_pubkeys</c>) and the Kubernetes CA.
/// </summary>
public static class ServiceAccountKey
{
    /// <summary>The public key, PEM (SubjectPublicKeyInfo), of the base64-encoded PEM private key Talos keeps (ECDSA or RSA).</summary>
    public static string PublicKeyPem(string base64PrivateKeyPem)
    {
        var pem = DecodePem(base64PrivateKeyPem);
        using AsymmetricAlgorithm key = pem.Contains("RSA PRIVATE KEY", StringComparison.Ordinal) || !IsEcdsa(pem) ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new FormatException("The service-account key in the Talos machine secrets is not an ECDSA or RSA private key.", e);
        }

        return key.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    /// <summary>PEM text from Talos' base64 encoding of it (text that already is PEM is returned as it is).</summary>
    public static string DecodePem(string base64OrPem)
    {
        var text = base64OrPem.Trim();
        if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return text + "\n";
        }

        try
        {
            return Encoding.ASCII.GetString(Convert.FromBase64String(text)).Trim() + "\n";
        }
        catch (FormatException e)
        {
            throw new FormatException("The Talos machine secret is neither PEM nor base64-encoded PEM.", e);
        }
    }

    private static bool IsEcdsa(string pem)
    {
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal))
        {
            return true;
        }

        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
