using System.Text;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ065: External Secrets reaches Vault by its one name (the Vault API URL), trusts it through the CA the apply
/// provides (the certificate is signed by the platform's own CA, not a public one), and authenticates with the
/// rendered eso-reader token Secret.
/// </summary>
public sealed class ClusterSecretStoreRule : ISafetyRule
{
    public string Id => "TZ065";

    public string Title => "The ClusterSecretStore uses the Vault API URL, the apply-time Vault CA and the eso-reader token";

    public string Fix => "Render the store from Names.VaultApiUrl, caBundle from the apply-time Vault CA, and tokenSecretRef pointing at the rendered eso-reader token Secret.";

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

        var token = auth.ReaderToken;
        var reference = vault.Auth.TokenSecretRef;
        if (reference.Name != token.Metadata.Name || reference.Namespace != token.Metadata.NamespaceProperty || token.StringData?.ContainsKey(reference.Key) != true)
        {
            messages.Add($"the store reads its token from {reference.Namespace}/{reference.Name}[{reference.Key}], not the rendered eso-reader token Secret {token.Metadata.NamespaceProperty}/{token.Metadata.Name}");
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
