using Tazlab.Stacks.Configuration;

namespace Tazlab.EngineMocks;

/// <summary>The repository's stack files hold no secrets: this adds the credentials <c>pulumi up</c> needs, as a user sets them.</summary>
public static class StackCredentials
{
    /// <summary><paramref name="source"/> with its stack's credential keys set (as ciphertext: the values come from the secrets mock).</summary>
    public static StackConfigSource Added(StackConfigSource source)
    {
        var values = source.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["proxmoxve:apiToken"] = new ConfigSecret("ciphertext");
        values["tazlab:fluxGitToken"] = new ConfigSecret("ciphertext");
        // prod owns Vault and its backups; dev references them.
        if (source.StackName == "prod")
        {
            values["hcloud:token"] = new ConfigSecret("ciphertext");
            values["tazlab:vaultSshPrivateKey"] = new ConfigSecret("ciphertext");
            values["tazlab:backupAccessKeyId"] = new ConfigSecret("ciphertext");
            values["tazlab:backupSecretAccessKey"] = new ConfigSecret("ciphertext");
            values["tazlab:backupPassword"] = new ConfigSecret("ciphertext");
        }

        return source with { Values = values };
    }
}
