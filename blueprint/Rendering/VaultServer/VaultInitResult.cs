using System.Text.Json;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// What <see cref="VaultBootstrapScripts.Init"/> printed: <c>vault operator init -format=json</c> on the first run,
/// nothing when Vault was initialised before (then there is no token to take: <see cref="Initialised"/> is false).
/// </summary>
public sealed record VaultInitResult(bool Initialised, string RootToken, IReadOnlyList<string> UnsealKeys)
{
    public static readonly VaultInitResult AlreadyInitialised = new(false, string.Empty, []);

    /// <summary>Reads the init output; text that is not Vault's init JSON is an error that names no secret.</summary>
    public static VaultInitResult Parse(string stdout)
    {
        if (string.IsNullOrWhiteSpace(stdout))
        {
            return AlreadyInitialised;
        }

        try
        {
            using var document = JsonDocument.Parse(stdout);
            var root = document.RootElement;
            var token = root.GetProperty("root_token").GetString();
            var keys = root.GetProperty("unseal_keys_b64").EnumerateArray().Select(k => k.GetString() ?? string.Empty).ToList();
            if (string.IsNullOrEmpty(token) || keys.Count == 0 || keys.Exists(string.IsNullOrEmpty))
            {
                throw new FormatException("Vault's init output has an empty root_token or unseal key.");
            }

            return new VaultInitResult(true, token, keys);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The message must not quote the text: it holds the keys.
            throw new FormatException("Vault's init output is not the JSON of 'vault operator init -format=json'.", e);
        }
    }

    /// <summary>The unseal keys as the unseal script reads them on stdin: one per line.</summary>
    public string UnsealInput => string.Join('\n', UnsealKeys) + "\n";
}
