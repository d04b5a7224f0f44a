using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultServer;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ022: no secret reaches the Vault VM through its user data, which the metadata service hands to every process on
/// the VM and cloud-init keeps on disk. cloud-init holds no apply-time secret, no auth key and no private key, and
/// never joins the tailnet itself; the auth key goes over SSH (vault/join-tailnet.sh: a root-only 0600 file that
/// <c>tailscale up --auth-key=file:</c> reads) and the TLS key too (vault/install-tls.sh, 0600 owned by vault).
/// </summary>
public sealed class VaultServerSecretsRule : ISafetyRule
{
    public string Id => "TZ022";

    public string Title => "No secret in Vault's user data: the auth key and the TLS key reach the VM over SSH as 0600 files";

    public string Fix => "Keep cloud-init free of secrets: pass the auth key on the stdin of vault/join-tailnet.sh (tailscale up --auth-key=file:<0600 file>) and the TLS files on the stdin of vault/install-tls.sh.";

    public RuleResult Evaluate(PlanContext context)
    {
        var server = context.Rendering.Get<VaultServerRendering>();
        if (!server.Owned)
        {
            return RuleResult.Pass(this);
        }

        var messages = new List<string>();
        try
        {
            var cloudConfig = server.ReadCloudInitFile();
            if (cloudConfig.Runcmd.Any(c => c.Arguments is ["tailscale", "up", ..] || c.Arguments.Any(IsAuthKeyArgument)))
            {
                messages.Add("cloud-init runs tailscale up with an auth key: the key would be in the user data and on a command line; the VM joins over SSH (vault/join-tailnet.sh)");
            }

            var text = server.Files.Single(f => f.Path == VaultServerRendering.CloudInitFile).Content;
            if (text.Contains("<redacted:", StringComparison.Ordinal) || text.Contains("tskey-", StringComparison.Ordinal))
            {
                // The value is not shown: it may be a real secret.
                messages.Add("cloud-init holds a secret value: the user data is served to every process on the VM and kept on its disk");
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

        var join = ScriptLines(server, VaultBootstrapScripts.JoinTailnetFile);
        if (join is null
            || !join.Contains("umask 077")
            || !join.Contains($"key={VaultServerPaths.AuthKeyFile}")
            || !join.Any(l => l.StartsWith("tailscale up --auth-key=\"file:$key\" ", StringComparison.Ordinal)))
        {
            messages.Add($"{VaultBootstrapScripts.JoinTailnetFile} does not join with the key from a 0600 file ({VaultServerPaths.AuthKeyFile}, tailscale up --auth-key=file:)");
        }

        var install = ScriptLines(server, VaultBootstrapScripts.InstallTlsFile);
        var keyLine = $"install -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0600 \"$staging/{VaultServerPaths.TlsPrivateKeyName}\" {VaultServerPaths.TlsPrivateKey}";
        if (install is null || !install.Contains(keyLine))
        {
            messages.Add($"{VaultBootstrapScripts.InstallTlsFile} does not install the private key as {VaultServerPaths.TlsPrivateKey}, 0600 owned by {VaultServerPaths.User}");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static bool IsAuthKeyArgument(string argument) =>
        argument.StartsWith("--auth-key", StringComparison.Ordinal) || argument.StartsWith("--authkey", StringComparison.Ordinal);

    private static HashSet<string>? ScriptLines(VaultServerRendering server, string path) =>
        server.Files.FirstOrDefault(f => f.Path == path)?.Content.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
}
