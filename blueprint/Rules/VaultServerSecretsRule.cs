using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.VaultServer;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ022: the Vault VM's tailnet auth key enters cloud-init only as an apply-time value, and its TLS private key never
/// does: the metadata service hands the user data to every process on the VM and cloud-init keeps it on disk, so the
/// key goes over SSH (vault/install-tls.sh, 0600 owned by vault). The plan renders with placeholders, so the shipped
/// text must hold exactly the auth key's placeholder in its one position and no private key at all.
/// </summary>
public sealed class VaultServerSecretsRule : ISafetyRule
{
    private const string AuthKeyFlag = "--auth-key=";

    public string Id => "TZ022";

    public string Title => "Vault's tailnet auth key appears in cloud-init only as an apply-time value, and its TLS private key never";

    public string Fix => "Take the auth key from RenderInput.Values (never config text or a literal) and pass it only to tailscale up; install the TLS files over SSH with vault/install-tls.sh, the key 0600 owned by vault.";

    public RuleResult Evaluate(PlanContext context)
    {
        var server = context.Rendering.Get<VaultServerRendering>();
        if (!server.Owned)
        {
            return RuleResult.Pass(this);
        }

        var authKey = PlaceholderValues.Instance[ApplyTimeValue.VaultAuthKey];
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

            var text = server.Files.Single(f => f.Path == VaultServerRendering.CloudInitFile).Content;
            if (Occurrences(text, authKey) > 1)
            {
                messages.Add($"{authKey} appears {Occurrences(text, authKey)} times in cloud-init; it belongs only in tailscale up");
            }

            if (cloudConfig.WriteFiles.FirstOrDefault(f => f.Path.StartsWith(VaultServerPaths.TlsDirectory + "/", StringComparison.Ordinal)) is { } tlsFile)
            {
                messages.Add($"cloud-init writes {tlsFile.Path}: the TLS files go over SSH ({VaultBootstrapScripts.InstallTlsFile}), never in the user data");
            }

            if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                messages.Add("cloud-init holds a private key: the user data is served to every process on the VM and kept on its disk");
            }
        }
        catch (FormatException error)
        {
            messages.Add($"the rendered cloud-init cannot be read back ({error.Message}), so its secrets cannot be checked");
        }

        var install = server.Files.FirstOrDefault(f => f.Path == VaultBootstrapScripts.InstallTlsFile)?.Content;
        var keyLine = $"install -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0600 \"$staging/{VaultServerPaths.TlsPrivateKeyName}\" {VaultServerPaths.TlsPrivateKey}";
        if (install is null || !install.Split('\n').Contains(keyLine))
        {
            messages.Add($"{VaultBootstrapScripts.InstallTlsFile} does not install the private key as {VaultServerPaths.TlsPrivateKey}, 0600 owned by {VaultServerPaths.User}");
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
