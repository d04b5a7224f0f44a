using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tazlab.VaultApi.Unseal;

/// <summary>
/// An HTTP handler that trusts Vault's own CA and nothing else: the system store plays no part, so a certificate
/// from any other CA (or none) for the same name is refused.
/// </summary>
public static class VaultTrust
{
    /// <summary>Null, with the reason, when the PEM holds no certificate.</summary>
    public static SocketsHttpHandler? Handler(string caPem, out string? problem)
    {
        X509Certificate2 ca;
        try
        {
            ca = X509Certificate2.CreateFromPem(caPem);
        }
        catch (CryptographicException)
        {
            problem = "holds no PEM certificate";
            return null;
        }

        problem = null;
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    // Name mismatches stay fatal; only the chain is judged against Vault's CA instead of the system store.
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
            },
        };
    }
}
