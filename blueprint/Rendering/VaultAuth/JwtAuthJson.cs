using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>Writes <see cref="JwtAuthConfiguration"/> as JSON with Vault's parameter names, and reads it back.</summary>
public static class JwtAuthJson
{
    private static readonly JsonTypeInfo<JwtAuthConfiguration> TypeInfo = new JwtAuthJsonContext(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        // Keeps placeholders such as <apply-time:…> and PEM text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }).JwtAuthConfiguration;

    public static string Write(JwtAuthConfiguration configuration) => JsonSerializer.Serialize(configuration, TypeInfo) + "\n";

    public static JwtAuthConfiguration Read(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo) ?? throw new FormatException("jwt-auth.json is empty");
}

/// <summary>Generated JSON metadata for jwt-auth.json (no reflection); the options are <see cref="JwtAuthJson"/>'s.</summary>
[JsonSerializable(typeof(JwtAuthConfiguration))]
internal sealed partial class JwtAuthJsonContext : JsonSerializerContext;
