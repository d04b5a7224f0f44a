using Pulumi;
using Pulumi.Tailscale;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.Tailnet;

/// <summary>
/// The tailnet as code. The stack that owns the policy writes the policy file and creates the OAuth clients. Every
/// machine's auth key belongs to its machine and is minted with it, replaced when it is (the Vault VM's in
/// <c>VaultServer</c>, each Talos node's in <c>TalosCluster</c>). OAuth secrets are secret outputs.
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
                    Description = TailscaleDescriptions.OAuthClient(config, client),
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

        TailnetName = Output.Create(config.Tailnet.Name);
        OperatorOAuthClientId = operatorClientId is null ? null : Output.CreateSecret(operatorClientId);
        OperatorOAuthClientSecret = operatorClientSecret is null ? null : Output.CreateSecret(operatorClientSecret);

        var outputs = new Dictionary<string, object?>
        {
            ["tailnetName"] = TailnetName,
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

}
