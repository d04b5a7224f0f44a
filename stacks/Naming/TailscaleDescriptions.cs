using System.Text;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Naming;

/// <summary>
/// Descriptions of the Tailscale objects the platform creates (OAuth clients, auth keys). Tailscale's API takes short
/// plain text: at most 50 characters (terraform-provider-tailscale v0.29.2 validates the length only), and its API
/// documentation (tailscale/tailscale v1.66.4 api.md) allows letters, digits and hyphens plus underscores in one place
/// and plus spaces in another. What both allow - letters, digits, hyphens - is what is written: words are joined with
/// hyphens, and any other character becomes one.
/// </summary>
public static class TailscaleDescriptions
{
    public const int MaxLength = 50;

    /// <summary>e.g. <c>tazlab-prod-k8s-operator</c>.</summary>
    public static string OAuthClient(StackConfig config, OAuthClientConfig client) => Of("tazlab", config.StackName, client.Name);

    /// <summary>e.g. <c>tazlab-prod-vault</c>, <c>tazlab-dev-node-tazlab-dev-cp-1</c>.</summary>
    public static string AuthKey(StackConfig config, string purpose) => Of("tazlab", config.StackName, purpose);

    public static string Of(params string[] words)
    {
        var text = new StringBuilder();
        foreach (var c in string.Join('-', words))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        return text.Length <= MaxLength ? text.ToString() : text.ToString(0, MaxLength).TrimEnd('-');
    }
}
