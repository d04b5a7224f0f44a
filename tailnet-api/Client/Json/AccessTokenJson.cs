using System.Text.Json.Serialization;

namespace Tazlab.TailnetApi.Client.Json;

/// <summary>The body of <c>POST /api/v2/oauth/token</c> (OAuth 2.0 names, hence snake case).</summary>
internal sealed record AccessTokenJson(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
