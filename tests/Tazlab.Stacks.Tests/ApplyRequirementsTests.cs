using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>The credentials pulumi up needs, checked with the configuration before anything is registered.</summary>
public class ApplyRequirementsTests
{
    private static (Model.StackConfig Config, StackConfigSource Source) Load(string stack, params (string Key, ConfigValue Value)[] extra)
    {
        var diagnostics = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, diagnostics)!;
        var source = StackFileReader.Read(RepoPaths.Root, stack, project, diagnostics)!;
        var values = source.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        source = source with { Values = values };
        return (StackLoader.Validate(source, new DiagnosticBag())!, source);
    }

    /// <summary>An environment with the Tailscale OAuth client, as a user exports it for up and destroy.</summary>
    private static readonly Dictionary<string, string> TailscaleOAuth = new()
    {
        ["TAILSCALE_OAUTH_CLIENT_ID"] = "client-id",
        ["TAILSCALE_OAUTH_CLIENT_SECRET"] = "tskey-client-secret",
    };

    private static IReadOnlyList<string> Check(string stack, params (string Key, ConfigValue Value)[] extra) => Check(stack, TailscaleOAuth, extra);

    private static IReadOnlyList<string> Check(string stack, IReadOnlyDictionary<string, string> environment, params (string Key, ConfigValue Value)[] extra)
    {
        var (config, source) = Load(stack, extra);
        var diagnostics = new DiagnosticBag();
        ApplyRequirements.Check(config, source, name => environment.GetValueOrDefault(name), diagnostics);
        return diagnostics.Items.Select(d => d.Message).ToList();
    }

    private static readonly ConfigSecret Secret = new("ciphertext");

    [Fact]
    public void The_committed_stacks_name_every_credential_they_lack()
    {
        Assert.Equal(
            [
                "proxmoxve:apiToken: not set; pulumi up needs it; expected a Proxmox VE API token (user@realm!token=secret) that may create VMs and download images, set with 'pulumi config set --secret proxmoxve:apiToken <value>'",
                "TAILSCALE_API_KEY: not in the environment of this run: the Tailscale provider and the device prune (on up and on destroy) read the Tailscale API credentials from it; expected an OAuth client with the policy_file, oauth_keys, auth_keys and devices:core scopes (export TAILSCALE_OAUTH_CLIENT_ID=<id> TAILSCALE_OAUTH_CLIENT_SECRET=<secret>) or an API access token (export TAILSCALE_API_KEY=<token>), in the shell that runs pulumi",
                "hcloud:token: not set; pulumi up needs it; expected a Hetzner Cloud API token with read and write access to the project, set with 'pulumi config set --secret hcloud:token <value>'",
                "tazlab:vaultSshPrivateKey: not set; pulumi up needs it; expected the private half of tazlab:vaultSshPublicKey (OpenSSH PEM), for the join, TLS and init commands over SSH, set with 'pulumi config set --secret tazlab:vaultSshPrivateKey <value>'",
                "tazlab:fluxGitToken: not set; pulumi up needs it; expected Flux's Git token, set with 'pulumi config set --secret tazlab:fluxGitToken <value>'",
                "tazlab:backupAccessKeyId: not set; pulumi up needs it; expected the object storage's access key id, for the backups in tazlab:backupBucket, set with 'pulumi config set --secret tazlab:backupAccessKeyId <value>'",
                "tazlab:backupSecretAccessKey: not set; pulumi up needs it; expected the object storage's secret access key, set with 'pulumi config set --secret tazlab:backupSecretAccessKey <value>'",
                "tazlab:backupPassword: not set; pulumi up needs it; expected the restic repositories' password (keep a copy outside the state: without it no backup can be restored), set with 'pulumi config set --secret tazlab:backupPassword <value>'",
            ],
            Check("prod", new Dictionary<string, string>()));
    }

    [Fact]
    public void A_referencing_stack_needs_no_hetzner_token_and_no_vault_ssh_key()
    {
        var problems = Check("dev", ("proxmoxve:apiToken", Secret), ("tazlab:fluxGitToken", Secret));

        Assert.Empty(problems);
    }

    [Fact]
    public void An_oauth_client_half_in_the_environment_names_the_missing_half()
    {
        var problems = Check("dev", new Dictionary<string, string> { ["TAILSCALE_OAUTH_CLIENT_ID"] = "id" }, ("proxmoxve:apiToken", Secret), ("tazlab:fluxGitToken", Secret));

        Assert.StartsWith("TAILSCALE_OAUTH_CLIENT_SECRET: not in the environment of this run", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_in_the_environment_serves_instead_of_the_oauth_client()
    {
        var problems = Check("dev", new Dictionary<string, string> { ["TAILSCALE_API_KEY"] = "tskey-api" }, ("proxmoxve:apiToken", Secret), ("tazlab:fluxGitToken", Secret));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_credential_the_engine_passes_in_plain_text_is_refused_without_echoing_it()
    {
        var problems = Check("dev", ("proxmoxve:apiToken", new ConfigScalar("root@pam!tok=abc")), ("tazlab:fluxGitToken", Secret));

        Assert.Equal("proxmoxve:apiToken: holds a credential in plain text; expected a secret: pulumi config set --secret proxmoxve:apiToken <value>", Assert.Single(problems));
    }
}
