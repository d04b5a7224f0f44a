using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>
/// A local stand-in for the Tailscale API v2 on 127.0.0.1 (a port the OS picks): OAuth token exchange, device
/// listing and deletion with bearer-token checks, and scripted faults (status codes, Retry-After, malformed
/// bodies, slow answers). It records every request, so tests assert what a client really sent.
/// </summary>
public sealed class FakeTailscaleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _lock = new();
    private readonly List<FakeDevice> _devices = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly HashSet<string> _issuedTokens = [];
    private readonly Dictionary<FakeRoute, Queue<FakeResponse>> _scripts = [];
    private readonly Dictionary<FakeRoute, FakeResponse> _always = [];
    private readonly ConcurrentDictionary<string, FakeResponse> _deleteFailures = new(StringComparer.Ordinal);

    private FakeTailscaleServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ClientId { get; } = "fake-client-" + Guid.NewGuid().ToString("N")[..8];

    public string ClientSecret { get; } = "tskey-client-fake-" + Guid.NewGuid().ToString("N");

    public string ApiKey { get; } = "tskey-api-fake-" + Guid.NewGuid().ToString("N");

    /// <summary>expires_in of the tokens the fake issues.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The tailnet path segment of the last listing (<c>-</c> for the credentials' own).</summary>
    public string? LastTailnet { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeDevice> Devices
    {
        get
        {
            lock (_lock)
            {
                return [.. _devices];
            }
        }
    }

    /// <summary>The device ids of every DELETE received, in order (successful or not).</summary>
    public IReadOnlyList<string> DeleteLog => [.. Requests.Where(r => r.Route == FakeRoute.DeleteDevice).Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..])];

    public int Count(FakeRoute route) => Requests.Count(r => r.Route == route);

    public static async Task<FakeTailscaleServer> StartAsync()
    {
        FakeTailscaleServer? server = null;
        var (app, baseUrl) = await LoopbackWebHost.StartAsync(context => server!.HandleAsync(context));
        server = new FakeTailscaleServer(app) { BaseUrl = baseUrl };
        return server;
    }

    public void Add(params FakeDevice[] devices)
    {
        lock (_lock)
        {
            _devices.AddRange(devices);
        }
    }

    /// <summary>The next requests to <paramref name="route"/> get these answers, one each, before normal service resumes.</summary>
    public void Script(FakeRoute route, params FakeResponse[] responses)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(route, out var queue))
            {
                _scripts[route] = queue = new Queue<FakeResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }
    }

    /// <summary>Every request to <paramref name="route"/> gets this answer (after any scripted ones).</summary>
    public void Always(FakeRoute route, FakeResponse response)
    {
        lock (_lock)
        {
            _always[route] = response;
        }
    }

    /// <summary>Deleting this device always fails with this answer.</summary>
    public void FailDelete(string deviceId, FakeResponse response) => _deleteFailures[deviceId] = response;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        FakeRoute? route = (request.Method, segments) switch
        {
            ("POST", ["api", "v2", "oauth", "token"]) => FakeRoute.Token,
            ("GET", ["api", "v2", "tailnet", _, "devices"]) => FakeRoute.ListDevices,
            ("DELETE", ["api", "v2", "device", _]) => FakeRoute.DeleteDevice,
            _ => null,
        };
        FakeResponse? scripted;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(route, request.Method, path, request.Headers.Authorization.FirstOrDefault(), DateTimeOffset.UtcNow));
            scripted = route is { } r && _scripts.TryGetValue(r, out var queue) && queue.Count > 0 ? queue.Dequeue()
                : route is { } a && _always.TryGetValue(a, out var always) ? always
                : null;
        }

        if (route is null)
        {
            await WriteAsync(context, 404, """{"message":"not found"}""");
            return;
        }

        if (scripted is not null)
        {
            try
            {
                await Task.Delay(scripted.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its attempt timed out): nothing to answer.
                return;
            }

            if (scripted.Status is { } status)
            {
                if (scripted.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = scripted.RetryAfter;
                }

                await WriteAsync(context, status, scripted.Body ?? string.Empty);
                return;
            }
        }

        switch (route)
        {
            case FakeRoute.Token:
                await TokenAsync(context);
                break;
            case FakeRoute.ListDevices:
                LastTailnet = segments[3];
                await ListAsync(context);
                break;
            default:
                await DeleteAsync(context, segments[3]);
                break;
        }
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            await WriteAsync(context, 401, """{"message":"invalid client credentials"}""");
            return;
        }

        var token = "fake-access-token-" + Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _issuedTokens.Add(token);
        }

        var body = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["scope"] = "devices:core",
        };
        await WriteAsync(context, 200, body.ToJsonString());
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await AuthorizedAsync(context))
        {
            return;
        }

        var devices = new JsonArray();
        foreach (var device in Devices)
        {
            var json = new JsonObject
            {
                ["addresses"] = new JsonArray("100.64.0.1"),
                ["id"] = device.Id,
                ["nodeId"] = device.NodeId,
                ["user"] = "tagged-devices",
                ["name"] = device.Name,
                ["hostname"] = device.Hostname,
                ["os"] = "linux",
            };
            if (device.Connected is { } connected)
            {
                json["connectedToControl"] = connected;
            }

            // Like the real API, an untagged device has no tags field.
            if (device.Tags.Count > 0)
            {
                json["tags"] = new JsonArray([.. device.Tags.Select(t => JsonValue.Create(t))]);
            }

            if (device.LastSeen is { } seen)
            {
                json["lastSeen"] = seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            devices.Add(json);
        }

        await WriteAsync(context, 200, new JsonObject { ["devices"] = devices }.ToJsonString());
    }

    private async Task DeleteAsync(HttpContext context, string id)
    {
        if (!await AuthorizedAsync(context))
        {
            return;
        }

        if (_deleteFailures.TryGetValue(id, out var failure))
        {
            await WriteAsync(context, failure.Status ?? 500, failure.Body ?? string.Empty);
            return;
        }

        bool removed;
        lock (_lock)
        {
            removed = _devices.RemoveAll(d => d.Id == id) > 0;
        }

        await WriteAsync(context, removed ? 200 : 404, removed ? string.Empty : """{"message":"device not found"}""");
    }

    private async Task<bool> AuthorizedAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault() ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        bool valid;
        lock (_lock)
        {
            valid = token is not null && (token == ApiKey || _issuedTokens.Contains(token));
        }

        if (!valid)
        {
            await WriteAsync(context, 401, """{"message":"API token invalid"}""");
        }

        return valid;
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
