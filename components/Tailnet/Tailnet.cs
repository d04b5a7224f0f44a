using Pulumi;
using Pulumi.Tailscale;

namespace Tazlab.Components.Tailnet;

/// <summary>
/// The tailnet as code, for the stack that owns its policy: the policy file, the OAuth clients, and the
/// auth keys the Vault VM and the Talos nodes join with. Keys and OAuth secrets are secret outputs.
/// </summary>
public sealed class Tailnet : ComponentResource
{
    public const string TypeToken = "tazlab:tailnet:Tailnet";

    public Tailnet(string name, TailnetArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var child = new CustomResourceOptions { Parent = this };

        // The policy owns every tag: clients and keys that carry tags are created after it.
        var policy = new Acl("policy", new AclArgs { AclJson = args.PolicyHuJson, OverwriteExistingContent = true }, child);
        var afterPolicy = new CustomResourceOptions { Parent = this, DependsOn = { policy } };

        var clients = config.Tailnet.OAuthClients.ToDictionary(
            client => client.Name,
            client => new OauthClient(client.Name, new OauthClientArgs
            {
                Description = $"{client.Name} ({config.StackName})",
                Scopes = client.Scopes.ToList(),
                Tags = client.Tags.ToList(),
            }, afterPolicy));

        var expiry = (int)config.Tailnet.AuthKeyExpiry.TotalSeconds;
        var vaultKey = Key("vault", config.Vault.Tags, expiry, afterPolicy);
        var talosKey = Key("talos", config.Talos.Tags, expiry, afterPolicy);
        var operatorClient = clients[config.Tailnet.OperatorOAuthClient];

        TailnetName = Output.Create(config.Tailnet.Name);
        OperatorOAuthClientId = Output.CreateSecret(operatorClient.Id);
        OperatorOAuthClientSecret = Output.CreateSecret(operatorClient.Key);
        VaultAuthKey = Output.CreateSecret(vaultKey.Key);
        TalosAuthKey = Output.CreateSecret(talosKey.Key);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["tailnetName"] = TailnetName,
            ["operatorOAuthClientId"] = OperatorOAuthClientId,
            ["operatorOAuthClientSecret"] = OperatorOAuthClientSecret,
            ["vaultAuthKey"] = VaultAuthKey,
            ["talosAuthKey"] = TalosAuthKey,
        });
    }

    [Output("tailnetName")]
    public Output<string> TailnetName { get; }

    [Output("operatorOAuthClientId")]
    public Output<string> OperatorOAuthClientId { get; }

    [Output("operatorOAuthClientSecret")]
    public Output<string> OperatorOAuthClientSecret { get; }

    [Output("vaultAuthKey")]
    public Output<string> VaultAuthKey { get; }

    [Output("talosAuthKey")]
    public Output<string> TalosAuthKey { get; }

    /// <summary>A pre-authorised, tagged, single-use auth key (devices created with it are not ephemeral: they must survive reboots).</summary>
    private static TailnetKey Key(string name, IReadOnlyList<string> tags, int expirySeconds, CustomResourceOptions options) =>
        new(name, new TailnetKeyArgs
        {
            Preauthorized = true,
            Reusable = false,
            Ephemeral = false,
            Expiry = expirySeconds,
            Tags = tags.ToList(),
            Description = $"tazlab {name}",
        }, options);
}
