using System.Text.Json;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// What <see cref="VaultBootstrapScripts.Init"/> printed: the unseal keys and the program's AppRole credential. It
/// never holds a root token (the init revokes it); an output that does is refused, as is anything else.
/// </summary>
public sealed record VaultInitResult(IReadOnlyList<string> UnsealKeys, string RoleId, string SecretId)
{
    /// <summary>Reads the init output; text that is not the init's JSON is an error that names no secret.</summary>
    public static VaultInitResult Parse(string stdout)
    {
        if (string.IsNullOrWhiteSpace(stdout))
        {
            throw new FormatException("vault-init printed nothing: the state holds no init result (docs/runbook.md, Vault: init result).");
        }

        try
        {
            using var document = JsonDocument.Parse(stdout);
            var root = document.RootElement;
            if (root.TryGetProperty("root_token", out _))
            {
                throw new FormatException("vault-init's result holds a root token: it was written before the init revoked it (docs/runbook.md, Vault: a state with a root token).");
            }

            var keys = root.GetProperty("unseal_keys_b64").EnumerateArray().Select(k => k.GetString() ?? string.Empty).ToList();
            var roleId = root.GetProperty("role_id").GetString();
            var secretId = root.GetProperty("secret_id").GetString();
            if (string.IsNullOrEmpty(roleId) || string.IsNullOrEmpty(secretId) || keys.Count == 0 || keys.Exists(string.IsNullOrEmpty))
            {
                throw new FormatException("vault-init's result has an empty unseal key, role_id or secret_id.");
            }

            return new VaultInitResult(keys, roleId, secretId);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The message must not quote the text: it holds the keys.
            throw new FormatException("vault-init's output is not the JSON the init script prints (unseal_keys_b64, role_id, secret_id).", e);
        }
    }

    /// <summary>The unseal keys as the unseal command reads them on stdin: one per line.</summary>
    public string UnsealInput => string.Join('\n', UnsealKeys) + "\n";
}
