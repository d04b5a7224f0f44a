using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tazlab.TestSupport.FakeVault;

/// <summary>
/// A local stand-in for Vault's seal API over HTTPS on 127.0.0.1: <c>GET /v1/sys/seal-status</c> and
/// <c>PUT /v1/sys/unseal</c>, sealed or not as the test sets it, unsealing once <see cref="Threshold"/> of its own
/// keys arrived (a foreign key is a 400, as Vault answers it). It records every key it was sent.
/// </summary>
public sealed class FakeVaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _lock = new();
    private readonly List<string> _received = [];
    private readonly HashSet<string> _accepted = [];

    private FakeVaultServer(WebApplication app, TestCertificates certificates)
    {
        _app = app;
        Certificates = certificates;
    }

    public TestCertificates Certificates { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<string> Keys { get; init; } = ["key-1", "key-2", "key-3", "key-4", "key-5"];

    public int Threshold { get; init; } = 3;

    public bool Initialized { get; set; } = true;

    public bool Sealed { get; set; } = true;

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeVaultServer> StartAsync()
    {
        var certificates = new TestCertificates();
        FakeVaultServer? server = null;
        var (app, baseUrl) = await LoopbackWebHost.StartAsync(context => server!.HandleAsync(context), certificates.Server);
        server = new FakeVaultServer(app, certificates) { BaseUrl = baseUrl };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificates.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == "/v1/sys/seal-status" && HttpMethods.IsGet(context.Request.Method))
        {
            await WriteStatusAsync(context);
            return;
        }

        if (path == "/v1/sys/unseal" && HttpMethods.IsPut(context.Request.Method))
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var key = body.RootElement.GetProperty("key").GetString() ?? string.Empty;
            lock (_lock)
            {
                _received.Add(key);
                if (!Keys.Contains(key))
                {
                    context.Response.StatusCode = 400;
                }
                else
                {
                    _accepted.Add(key);
                    Sealed = _accepted.Count < Threshold;
                }
            }

            if (context.Response.StatusCode == 400)
            {
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string[]> { ["errors"] = ["Unseal failed, invalid key"] });
                return;
            }

            await WriteStatusAsync(context);
            return;
        }

        context.Response.StatusCode = 404;
    }

    private Task WriteStatusAsync(HttpContext context)
    {
        lock (_lock)
        {
            return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["type"] = "shamir",
                ["initialized"] = Initialized,
                ["sealed"] = Sealed,
                ["t"] = Threshold,
                ["n"] = Keys.Count,
                ["progress"] = Sealed ? _accepted.Count : 0,
            });
        }
    }
}
