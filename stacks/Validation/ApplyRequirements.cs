using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// What <c>pulumi up</c> needs beyond a valid configuration: the credentials the providers and the bootstrap
/// commands read, all stack secrets. The offline <c>plan</c> does not ask for them (the repository holds no
/// secrets); the Pulumi program checks them with the configuration, before any resource is registered.
/// </summary>
public static class ApplyRequirements
{
    public const string HcloudToken = "hcloud:token";
    public const string ProxmoxApiToken = "proxmoxve:apiToken";
    public const string TailscaleOAuthClientId = "tailscale:oauthClientId";
    public const string TailscaleOAuthClientSecret = "tailscale:oauthClientSecret";
    public const string TailscaleApiKey = "tailscale:apiKey";

    /// <summary>Reports every credential the stack lacks; <paramref name="source"/> tells which keys have a value.</summary>
    public static void Check(StackConfig config, StackConfigSource source, DiagnosticBag diagnostics)
    {
        bool Has(string key) => source.Values.ContainsKey(key);

        // The engine passes a value set without --secret as plain text: a credential must never be stored so.
        foreach (var key in ProviderNamespaces.SecretKeys.Where(k => source.Values.TryGetValue(k, out var v) && v is not ConfigSecret).Order(StringComparer.Ordinal))
        {
            diagnostics.Error(key, "holds a credential in plain text", $"a secret: pulumi config set --secret {key} <value>");
        }

        if (!Has(ProxmoxApiToken))
        {
            Missing(diagnostics, ProxmoxApiToken, "a Proxmox VE API token (user@realm!token=secret) that may create VMs and download images");
        }

        var oauth = Has(TailscaleOAuthClientId) && Has(TailscaleOAuthClientSecret);
        if (!oauth && !Has(TailscaleApiKey))
        {
            var key = Has(TailscaleOAuthClientId) ? TailscaleOAuthClientSecret : Has(TailscaleOAuthClientSecret) ? TailscaleOAuthClientId : TailscaleApiKey;
            diagnostics.Error(
                key,
                "no Tailscale credentials: the provider and the device pruning need them",
                $"an OAuth client with the policy_file, oauth_keys, auth_keys and devices:core scopes ('pulumi config set {TailscaleOAuthClientId} <id>' and 'pulumi config set --secret {TailscaleOAuthClientSecret} <secret>') or an API access token ('pulumi config set --secret {TailscaleApiKey} <token>')");
        }

        if (config.Ownership.VaultServer == PartOwnership.Own)
        {
            if (!Has(HcloudToken))
            {
                Missing(diagnostics, HcloudToken, "a Hetzner Cloud API token with read and write access to the project");
            }

            Require(diagnostics, config.Vault.SshPrivateKey, "the private half of tazlab:vaultSshPublicKey (OpenSSH PEM), for the init and unseal commands");
        }

        Require(diagnostics, config.BootstrapSecrets.FluxGitToken, "Flux's Git token");
    }

    private static void Require(DiagnosticBag diagnostics, SecretReference secret, string what)
    {
        if (!secret.IsSet)
        {
            Missing(diagnostics, secret.Key, what);
        }
    }

    private static void Missing(DiagnosticBag diagnostics, string key, string what) =>
        diagnostics.Error(key, "not set; pulumi up needs it", $"{what}, set with 'pulumi config set --secret {key} <value>'");
}
