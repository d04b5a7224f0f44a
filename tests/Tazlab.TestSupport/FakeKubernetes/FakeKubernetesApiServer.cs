using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tazlab.TestSupport.FakeKubernetes;

/// <summary>
/// A local stand-in for a Kubernetes API server on 127.0.0.1 (a port the OS picks): <c>/readyz</c> and
/// <c>/api/v1/nodes</c>, both behind a bearer token, with the readiness and the nodes a test sets as it goes.
/// <see cref="Kubeconfig"/> is a kubeconfig that points a real client at it.
/// </summary>
public sealed class FakeKubernetesApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _lock = new();
    private List<FakeNode> _nodes = [];
    private int _requests;

    private FakeKubernetesApiServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string Token { get; } = "fake-token-" + Guid.NewGuid().ToString("N");

    /// <summary>What /readyz answers: 200 "ok", or another status with a body listing the failed checks.</summary>
    public (int Status, string Body) Readyz { get; set; } = (200, "ok");

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>A kubeconfig for this server; <paramref name="token"/> overrides the accepted one (to test a refusal).</summary>
    public string Kubeconfig(string? token = null) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {BaseUrl}
        users:
        - name: admin
          user:
            token: {token ?? Token}
        contexts:
        - name: admin@fake
          context:
            cluster: fake
            user: admin
        current-context: admin@fake
        """;

    public static async Task<FakeKubernetesApiServer> StartAsync()
    {
        FakeKubernetesApiServer? server = null;
        var (app, baseUrl) = await LoopbackWebHost.StartAsync(context => server!.HandleAsync(context));
        server = new FakeKubernetesApiServer(app) { BaseUrl = baseUrl };
        return server;
    }

    public void SetNodes(params FakeNode[] nodes)
    {
        lock (_lock)
        {
            _nodes = [.. nodes];
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""");
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/readyz":
                var (status, body) = Readyz;
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(body);
                break;
            case "/api/v1/nodes":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(NodeList());
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private string NodeList()
    {
        List<FakeNode> nodes;
        lock (_lock)
        {
            nodes = [.. _nodes];
        }

        return JsonSerializer.Serialize(new
        {
            kind = "NodeList",
            apiVersion = "v1",
            metadata = new { resourceVersion = "1" },
            items = nodes.Select(n => new
            {
                metadata = new { name = n.Name },
                status = new { conditions = new[] { new { type = "Ready", status = n.Ready, reason = n.Reason } } },
            }),
        });
    }
}
