using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultServer;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ022: the Vault VM's tailnet auth key and TLS private key enter cloud-init only as apply-time values.
/// The plan renders with placeholders, so the shipped text must hold exactly the placeholder in each
/// position and nowhere else; anything else there is a value baked in from somewhere other than the apply.
/// </summary>
public sealed class VaultServerSecretsRule : ISafetyRule
{
    private const string AuthKeyFlag = "--auth-key=";

    public string Id => "TZ022";

    public string Title => "Vault's tailnet auth key and TLS private key appear in cloud-init only as apply-time values";

    public string Fix => "Take the auth key and the private key from RenderInput.Values (never config text or a literal), pass the key only to tailscale up, and write the private key 0600 owned by vault.";

    public RuleResult Evaluate(PlanContext context)
    {
        var server = context.Rendering.Get<VaultServerRendering>();
        if (!server.Owned)
        {
            return RuleResult.Pass(this);
        }

        var authKey = PlaceholderValues.Instance[ApplyTimeValue.VaultAuthKey];
        var privateKey = PlaceholderValues.Instance[ApplyTimeValue.VaultTlsPrivateKey];
        var messages = new List<string>();
        try
        {
            var cloudConfig = server.ReadCloudInitFile();
            var up = cloudConfig.Runcmd.FirstOrDefault(c => c.Arguments is ["tailscale", "up", ..]);
            var flag = up?.Arguments.FirstOrDefault(a => a.StartsWith(AuthKeyFlag, StringComparison.Ordinal));
            if (flag is null)
            {
                messages.Add("cloud-init never runs tailscale up --auth-key=…: the VM would not join the tailnet");
            }
            else if (flag[AuthKeyFlag.Length..] != authKey)
            {
                // The value is not shown: it may be a real key.
                messages.Add($"tailscale up's --auth-key holds a literal value, not the apply-time value {authKey}");
            }

            var keyFile = cloudConfig.File(VaultServerPaths.TlsPrivateKey);
            if (keyFile is null)
            {
                messages.Add($"cloud-init writes no TLS private key at {VaultServerPaths.TlsPrivateKey}");
            }
            else
            {
                if (keyFile.Content != privateKey)
                {
                    messages.Add($"{keyFile.Path} holds a literal value, not the apply-time value {privateKey}");
                }

                var owner = $"{VaultServerPaths.User}:{VaultServerPaths.User}";
                if (keyFile.Permissions != "0600" || keyFile.Owner != owner)
                {
                    messages.Add($"{keyFile.Path} is {keyFile.Permissions} owned by {keyFile.Owner}; a private key is 0600 owned by {owner}");
                }
            }

            var text = server.Files.Single(f => f.Path == VaultServerRendering.CloudInitFile).Content;
            foreach (var (secret, where) in new[] { (authKey, "tailscale up"), (privateKey, keyFile?.Path ?? VaultServerPaths.TlsPrivateKey) })
            {
                var count = Occurrences(text, secret);
                if (count > 1)
                {
                    messages.Add($"{secret} appears {count} times in cloud-init; it belongs only in {where}");
                }
            }
        }
        catch (FormatException error)
        {
            messages.Add($"the rendered cloud-init cannot be read back ({error.Message}), so its secrets cannot be checked");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
