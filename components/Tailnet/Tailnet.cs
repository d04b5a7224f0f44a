using Pulumi;
using Pulumi.Tailscale;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;

namespace Tazlab.Components.Tailnet;

/// <summary>
/// The tailnet as code. The stack that owns the policy writes the policy file and creates the OAuth clients; every
/// stack mints the auth keys its own machines join with (the Vault VM's only where it owns Vault). Keys and OAuth
/// secrets are secret outputs.
/// </summary>
public sealed class Tailnet : ComponentResource
{
    public const string TypeToken = "tazlab:tailnet:Tailnet";

    public Tailnet(string name, TailnetArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var wiring = args.Wiring;

        Output<string>? operatorClientId = null;
        Output<string>? operatorClientSecret = null;
        if (config.Ownership.TailnetPolicy == PartOwnership.Own)
        {
            var policyText = args.PolicyHuJson ?? throw new ArgumentException("The owning stack needs its rendered policy.", nameof(args));
            wiring.Register("tailnet-policy", new Acl("policy", new AclArgs { AclJson = policyText, OverwriteExistingContent = true }, new CustomResourceOptions { Parent = this }));

            foreach (var client in config.Tailnet.OAuthClients)
            {
                var node = $"oauth-client:{client.Name}";
                var created = wiring.Register(node, new OauthClient(client.Name, new OauthClientArgs
                {
                    Description = $"{client.Name} ({config.StackName})",
                    Scopes = client.Scopes.ToList(),
                    Tags = client.Tags.ToList(),
                }, wiring.Options(this, node)));
                if (client.Name == config.Tailnet.OperatorOAuthClient)
                {
                    operatorClientId = created.Id;
                    operatorClientSecret = created.Key;
                }
            }
        }

        var expiry = (int)config.Tailnet.AuthKeyExpiry.TotalSeconds;
        if (config.Ownership.VaultServer == PartOwnership.Own)
        {
            VaultAuthKey = Output.CreateSecret(Key("vault", config.Vault.Tags, expiry, wiring).Key);
        }

        TalosAuthKey = Output.CreateSecret(Key("talos", config.Talos.Tags, expiry, wiring).Key);
        TailnetName = Output.Create(config.Tailnet.Name);
        OperatorOAuthClientId = operatorClientId is null ? null : Output.CreateSecret(operatorClientId);
        OperatorOAuthClientSecret = operatorClientSecret is null ? null : Output.CreateSecret(operatorClientSecret);

        var outputs = new Dictionary<string, object?>
        {
            ["tailnetName"] = TailnetName,
            ["talosAuthKey"] = TalosAuthKey,
            ["vaultAuthKey"] = VaultAuthKey,
            ["operatorOAuthClientId"] = OperatorOAuthClientId,
            ["operatorOAuthClientSecret"] = OperatorOAuthClientSecret,
        };
        RegisterOutputs(outputs);
    }

    [Output("tailnetName")]
    public Output<string> TailnetName { get; }

    /// <summary>Null unless this stack owns the policy (and so the operator's OAuth client).</summary>
    [Output("operatorOAuthClientId")]
    public Output<string>? OperatorOAuthClientId { get; }

    [Output("operatorOAuthClientSecret")]
    public Output<string>? OperatorOAuthClientSecret { get; }

    /// <summary>Null unless this stack owns the Vault server.</summary>
    [Output("vaultAuthKey")]
    public Output<string>? VaultAuthKey { get; }

    [Output("talosAuthKey")]
    public Output<string> TalosAuthKey { get; }

    /// <summary>A pre-authorised, tagged, single-use auth key (devices created with it are not ephemeral: they must survive reboots).</summary>
    private TailnetKey Key(string name, IReadOnlyList<string> tags, int expirySeconds, PlatformWiring wiring)
    {
        var node = $"auth-key:{name}";
        return wiring.Register(node, new TailnetKey(name, new TailnetKeyArgs
        {
            Preauthorized = true,
            Reusable = false,
            Ephemeral = false,
            Expiry = expirySeconds,
            Tags = tags.ToList(),
            Description = $"tazlab {name}",
        }, wiring.Options(this, node)));
    }
}
