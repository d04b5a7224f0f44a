using System.Text;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ065: External Secrets reaches Vault by its one name (the Vault API URL), trusts it through the CA the apply
/// provides (the certificate is signed by the platform's own CA, not a public one), and logs in through its own JWT
/// role on the stack's mount with a short-lived token of its own service account, for Vault's audience - the role
/// binding exactly that service account and granting the eso-reader policy. No long-lived token exists.
/// </summary>
public sealed class ClusterSecretStoreRule : ISafetyRule
{
    public string Id => "TZ065";

    public string Title => "The ClusterSecretStore uses the Vault API URL, the apply-time Vault CA and External Secrets' own JWT login";

    public string Fix => "Render the store from Names.VaultApiUrl, caBundle from the apply-time Vault CA, and auth.jwt through the external-secrets role on the stack's mount with ESO's service account and Vault's audience.";

    public RuleResult Evaluate(PlanContext context)
    {
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var vault = auth.Store.Vault;
        var messages = new List<string>();
        if (vault.Server != context.Names.VaultApiUrl)
        {
            messages.Add($"the store's server is {vault.Server}, not the Vault API URL {context.Names.VaultApiUrl}");
        }

        // Plans render with placeholders: a bundle from the apply-time CA decodes to exactly its placeholder.
        var expected = PlaceholderValues.Instance[ApplyTimeValue.VaultCaCertificate];
        if (string.IsNullOrEmpty(vault.CaBundle))
        {
            messages.Add("the store has no caBundle: ESO would check Vault's certificate against public roots and fail");
        }
        else if (Decode(vault.CaBundle) != expected)
        {
            messages.Add($"the store's caBundle is not the apply-time Vault CA ({expected})");
        }

        var jwt = vault.Auth.Jwt;
        var eso = context.Config.ExternalSecrets;
        if (jwt.Path != auth.JwtAuth.Mount)
        {
            messages.Add($"the store logs in on {jwt.Path}, not the stack's JWT mount {auth.JwtAuth.Mount}");
        }

        var account = jwt.KubernetesServiceAccountToken.ServiceAccountRef;
        if (account.Name != VaultAuthNames.ExternalSecretsServiceAccount || account.Namespace != eso.Namespace)
        {
            messages.Add($"the store logs in as {account.Namespace}/{account.Name}, not External Secrets' own service account {eso.Namespace}/{VaultAuthNames.ExternalSecretsServiceAccount}");
        }

        if (!jwt.KubernetesServiceAccountToken.Audiences.SequenceEqual([context.Names.VaultAudience]))
        {
            messages.Add($"the store's login token is for [{string.Join(", ", jwt.KubernetesServiceAccountToken.Audiences)}], not Vault's audience {context.Names.VaultAudience}");
        }

        var role = auth.ReadJwtAuthFile().Roles.FirstOrDefault(r => r.Name == jwt.Role);
        var subject = $"system:serviceaccount:{account.Namespace}:{account.Name}";
        if (role is null)
        {
            messages.Add($"the store logs in through role {jwt.Role}, which the {auth.JwtAuth.Mount} backend does not have");
        }
        else if (role.BoundSubject != subject || !role.TokenPolicies.SequenceEqual([VaultAuthNames.ReaderPolicy(context.Config)]))
        {
            messages.Add($"role {role.Name} binds {role.BoundSubject} with [{string.Join(", ", role.TokenPolicies)}]; External Secrets' role binds {subject} with [{VaultAuthNames.ReaderPolicy(context.Config)}] only");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static string? Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
