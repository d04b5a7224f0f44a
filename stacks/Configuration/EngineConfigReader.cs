using System.Text.Json;

namespace Tazlab.Stacks.Configuration;

/// <summary>
/// Builds a <see cref="StackConfigSource"/> from configuration as the Pulumi engine hands it to a running
/// program: every key as a string (structured values as JSON text, project defaults applied) plus the set
/// of keys that are secret. Secret values are dropped on the way in: the model only learns that the key
/// is set, and the Pulumi program asks <c>Config.RequireSecret</c> for the value as a secret output.
/// </summary>
public static class EngineConfigReader
{
    public static StackConfigSource Read(
        string projectName,
        string stackName,
        IReadOnlyDictionary<string, string> config,
        IReadOnlySet<string> secretKeys)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var (key, text) in config)
        {
            values[key] = secretKeys.Contains(key) ? new ConfigSecret(string.Empty) : Convert(text);
        }

        return new StackConfigSource(projectName, stackName, values);
    }

    /// <summary>
    /// Reads the engine's own serialisation: <c>PULUMI_CONFIG</c> (a JSON object of key → string) and
    /// <c>PULUMI_CONFIG_SECRET_KEYS</c> (a JSON array of keys), the variables the Pulumi SDKs read.
    /// </summary>
    public static StackConfigSource ReadEnvironment(string projectName, string stackName, string? configJson, string? secretKeysJson)
    {
        var config = string.IsNullOrEmpty(configJson)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(configJson, EngineConfigJsonContext.Default.DictionaryStringString) ?? [];
        var secrets = string.IsNullOrEmpty(secretKeysJson)
            ? []
            : JsonSerializer.Deserialize(secretKeysJson, EngineConfigJsonContext.Default.HashSetString) ?? [];
        return Read(projectName, stackName, config, secrets);
    }

    /// <summary>Structured values arrive as JSON text; anything else is a scalar, exactly as Pulumi's own GetObject decides.</summary>
    private static ConfigValue Convert(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return Convert(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON after all: a string that happens to start with a bracket.
            }
        }

        return new ConfigScalar(text, Quoted: true);
    }

    private static ConfigValue Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when IsSecure(element, out var ciphertext) => new ConfigSecret(ciphertext),
        JsonValueKind.Object => new ConfigMapping(element.EnumerateObject()
            .Select(p => new KeyValuePair<string, ConfigValue>(p.Name, Convert(p.Value)))
            .ToList()),
        JsonValueKind.Array => new ConfigSequence(element.EnumerateArray().Select(Convert).ToList()),
        JsonValueKind.String => new ConfigScalar(element.GetString() ?? string.Empty, Quoted: true),
        JsonValueKind.Null => new ConfigScalar(string.Empty),
        _ => new ConfigScalar(element.GetRawText()),
    };

    private static bool IsSecure(JsonElement element, out string ciphertext)
    {
        ciphertext = string.Empty;
        var properties = element.EnumerateObject().ToList();
        if (properties is [{ Name: "secure", Value.ValueKind: JsonValueKind.String } secure])
        {
            ciphertext = secure.Value.GetString() ?? string.Empty;
            return true;
        }

        return false;
    }
}
