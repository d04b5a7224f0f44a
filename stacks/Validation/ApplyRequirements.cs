using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// What <c>pulumi up</c> needs beyond a valid configuration: the credentials the providers and the bootstrap
/// commands read - stack secrets, and the Tailscale API credentials in the environment of the run. The offline
/// <c>plan</c> does not ask for them (the repository holds no secrets); the Pulumi program checks them with the
/// configuration, before any resource is registered.
/// </summary>
public static class ApplyRequirements
{
    public const string HcloudToken = "hcloud:token";
    public const string ProxmoxApiToken = "proxmoxve:apiToken";
    public const string TailscaleOAuthClientId = "tailscale:oauthClientId";
    public const string TailscaleOAuthClientSecret = "tailscale:oauthClientSecret";
    public const string TailscaleApiKey = "tailscale:apiKey";

    /// <summary>The variables the device prune (and the Tailscale provider) read the API credentials from.</summary>
    public const string TailscaleClientIdVariable = "TAILSCALE_OAUTH_CLIENT_ID";
    public const string TailscaleClientSecretVariable = "TAILSCALE_OAUTH_CLIENT_SECRET";
    public const string TailscaleApiKeyVariable = "TAILSCALE_API_KEY";

    /// <summary>Reports every credential the stack lacks; <paramref name="source"/> tells which keys have a value, <paramref name="environment"/> reads the run's environment.</summary>
    public static void Check(StackConfig config, StackConfigSource source, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bool Has(string key) => source.Values.ContainsKey(key);
        bool InEnvironment(string variable) => !string.IsNullOrWhiteSpace(environment(variable));

        // The engine passes a value set without --secret as plain text: a credential must never be stored so.
        foreach (var key in ProviderNamespaces.SecretKeys.Where(k => source.Values.TryGetValue(k, out var v) && v is not ConfigSecret).Order(StringComparer.Ordinal))
        {
            diagnostics.Error(key, "holds a credential in plain text", $"a secret: pulumi config set --secret {key} <value>");
        }

        if (!Has(ProxmoxApiToken))
        {
            Missing(diagnostics, ProxmoxApiToken, "a Proxmox VE API token (user@realm!token=secret) that may create VMs and download images");
        }

        // From the environment of each up and destroy, never from the state: the device prune's delete step runs on
        // destroy with what it was given, and credentials stored with it would be one machine's and go stale on rotation.
        // The Tailscale provider reads the same variables, so one environment serves both.
        var oauth = InEnvironment(TailscaleClientIdVariable) && InEnvironment(TailscaleClientSecretVariable);
        if (!oauth && !InEnvironment(TailscaleApiKeyVariable))
        {
            var variable = InEnvironment(TailscaleClientIdVariable) ? TailscaleClientSecretVariable : InEnvironment(TailscaleClientSecretVariable) ? TailscaleClientIdVariable : TailscaleApiKeyVariable;
            diagnostics.Error(
                variable,
                "not in the environment of this run: the Tailscale provider and the device prune (on up and on destroy) read the Tailscale API credentials from it",
                $"an OAuth client with the policy_file, oauth_keys, auth_keys and devices:core scopes (export {TailscaleClientIdVariable}=<id> {TailscaleClientSecretVariable}=<secret>) or an API access token (export {TailscaleApiKeyVariable}=<token>), in the shell that runs pulumi");
        }

        if (config.Ownership.VaultServer == PartOwnership.Own)
        {
            if (!Has(HcloudToken))
            {
                Missing(diagnostics, HcloudToken, "a Hetzner Cloud API token with read and write access to the project");
            }

            Require(diagnostics, config.Vault.SshPrivateKey, "the private half of tazlab:vaultSshPublicKey (OpenSSH PEM), for the join, TLS and init commands over SSH");
        }

        Require(diagnostics, config.BootstrapSecrets.FluxGitToken, "Flux's Git token");
        if (config.Backup.IsConfigured)
        {
            Require(diagnostics, config.Backup.AccessKeyId, "the object storage's access key id, for the backups in tazlab:backupBucket");
            Require(diagnostics, config.Backup.SecretAccessKey, "the object storage's secret access key");
            Require(diagnostics, config.Backup.Password, "the restic repositories' password (keep a copy outside the state: without it no backup can be restored)");
        }
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
