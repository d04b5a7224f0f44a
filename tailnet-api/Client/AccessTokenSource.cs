using System.Net.Http.Headers;
using Tazlab.TailnetApi.Client.Json;

namespace Tazlab.TailnetApi.Client;

/// <summary>
/// The bearer token for API calls: the API access token as is, or a token exchanged for the OAuth client
/// (client-credentials grant) and cached until shortly before it expires, so one run exchanges once.
/// </summary>
public sealed class AccessTokenSource : IDisposable
{
    private const string TokenPath = "api/v2/oauth/token";
    private const string Operation = "exchange the OAuth client for an access token";

    /// <summary>A token is replaced this long before it expires (at most half its lifetime), so no call carries one that lapses in flight.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly IHttpClientFactory _factory;
    private readonly TailscaleCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public AccessTokenSource(IHttpClientFactory factory, TailscaleSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _factory = factory;
        _credentials = settings.Credentials;
        _clock = clock;
    }

    public async Task<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken) =>
        new("Bearer", await GetTokenAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => _gate.Dispose();

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_credentials.ClientId is not { } clientId)
        {
            return _credentials.Secret;
        }

        // One exchange at a time: concurrent callers wait for it instead of each minting a token.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _clock.GetUtcNow() < _refreshAt)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(
            [
                new("client_id", clientId),
                new("client_secret", _credentials.Secret),
                new("grant_type", "client_credentials"),
            ]);
            using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath) { Content = form };
            using var response = await TailscaleHttp.SendAsync(_factory, request, Operation, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await TailscaleHttp.FailureAsync(response, Operation, tokenExchange: true, cancellationToken).ConfigureAwait(false);
            }

            const string expected = "an object with access_token and expires_in";
            var body = await TailscaleHttp.ReadJsonAsync(response, TailscaleJsonContext.Default.AccessTokenJson, Operation, expected, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body.AccessToken))
            {
                throw TailscaleHttp.Malformed(Operation, "no access_token", expected, null);
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn));
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            _token = body.AccessToken;
            _refreshAt = _clock.GetUtcNow() + lifetime - margin;
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
