using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>Writes <see cref="JwtAuthConfiguration"/> as JSON with Vault's parameter names, and reads it back.</summary>
public static class JwtAuthJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        // Keeps placeholders such as <apply-time:…> and PEM text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JwtAuthConfiguration configuration) => JsonSerializer.Serialize(configuration, Options) + "\n";

    public static JwtAuthConfiguration Read(string json) =>
        JsonSerializer.Deserialize<JwtAuthConfiguration>(json, Options) ?? throw new FormatException("jwt-auth.json is empty");
}
