using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;
using Tazlab.TailnetApi.Client.Json;

namespace Tazlab.TailnetApi.Client;

/// <summary>
/// Sending and reading shared by every call: turns transport failures, timeouts, error statuses and malformed
/// bodies into <see cref="TailscaleApiException"/>s whose messages say what to do. Retrying is not done here:
/// the resilience handler of the named HttpClient does it.
/// </summary>
internal static class TailscaleHttp
{
    /// <summary>Longest server message quoted in an error; the rest is noise for the operator.</summary>
    private const int MaxQuotedMessage = 200;

    public static async Task<HttpResponseMessage> SendAsync(IHttpClientFactory factory, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        var client = factory.CreateClient(TailscaleClient.HttpClientName);
        try
        {
            return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TailscaleApiException(TailscaleFailure.Unavailable, $"{operation}: the Tailscale API at {Host(client)} did not answer in time (a {ex.Timeout.TotalSeconds:0.###}s timeout ran out; retries included)", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TailscaleApiException(TailscaleFailure.Unavailable, $"{operation}: cannot reach the Tailscale API at {Host(client)}: {ex.Message}", ex);
        }
    }

    /// <summary>The exception for a response with an error status.</summary>
    public static async Task<TailscaleApiException> FailureAsync(HttpResponseMessage response, string operation, bool tokenExchange, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode}";
        var message = await ServerMessageAsync(response, cancellationToken).ConfigureAwait(false);
        var said = message is null ? status : $"{status}: {message}";
        if (tokenExchange && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            return new TailscaleApiException(
                TailscaleFailure.AccessDenied,
                $"{operation}: the Tailscale API rejected the OAuth client ({said}); expected {TailscaleEnvironment.ClientIdVariable} and {TailscaleEnvironment.ClientSecretVariable} of an existing OAuth client with the {TailscaleEnvironment.DevicesScope} scope");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new TailscaleApiException(
                TailscaleFailure.AccessDenied,
                $"{operation}: the Tailscale API denied access ({said}); the credentials lack the {TailscaleEnvironment.DevicesScope} scope - expected an OAuth client with {TailscaleEnvironment.DevicesScope} (read and write), or an API access token of a tailnet admin");
        }

        return new TailscaleApiException(TailscaleFailure.Rejected, $"{operation}: the Tailscale API answered {said}");
    }

    /// <summary>Reads a JSON body; anything that is not the documented shape is a clear error, not a crash.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string operation, string expected, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw Malformed(operation, "the body is JSON null", expected, null);
        }
        catch (JsonException ex)
        {
            throw Malformed(operation, ex.Message, expected, ex);
        }
    }

    public static TailscaleApiException Malformed(string operation, string problem, string expected, Exception? inner) =>
        new(TailscaleFailure.MalformedResponse, $"{operation}: the Tailscale API answered with malformed JSON ({problem}); expected {expected}", inner);

    private static async Task<string?> ServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(TailscaleJsonContext.Default.ErrorJson, cancellationToken).ConfigureAwait(false);
            var message = body?.Message?.ReplaceLineEndings(" ").Trim();
            return string.IsNullOrEmpty(message) ? null : message.Length <= MaxQuotedMessage ? message : message[..MaxQuotedMessage] + "...";
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or NotSupportedException)
        {
            // An error body that is not the usual JSON adds nothing: the status code is reported alone.
            return null;
        }
    }

    private static string Host(HttpClient client) => client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "(no base address)";
}
