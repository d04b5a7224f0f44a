using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tazlab.TestSupport.FakeKubernetes;

/// <summary>
/// A local stand-in for a Kubernetes API server on 127.0.0.1 (a port the OS picks): <c>/readyz</c> and
/// <c>/api/v1/nodes</c> (list, and delete one), all behind a bearer token, with the readiness and the nodes a test sets as it goes.
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
            case { } path when path.StartsWith(NodePath, StringComparison.Ordinal) && HttpMethods.IsDelete(context.Request.Method):
                await DeleteNodeAsync(context, path[NodePath.Length..]);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private const string NodePath = "/api/v1/nodes/";

    /// <summary>The names of the nodes deleted, in order (a DELETE of a node not listed answers 404, as the API server does).</summary>
    public IReadOnlyList<string> DeletedNodes
    {
        get
        {
            lock (_lock)
            {
                return [.. _deleted];
            }
        }
    }

    private readonly List<string> _deleted = [];

    private async Task DeleteNodeAsync(HttpContext context, string name)
    {
        bool found;
        lock (_lock)
        {
            found = _nodes.RemoveAll(n => n.Name == name) > 0;
            if (found)
            {
                _deleted.Add(name);
            }
        }

        context.Response.ContentType = "application/json";
        context.Response.StatusCode = found ? 200 : 404;
        await context.Response.WriteAsync(found
            ? JsonSerializer.Serialize(new { kind = "Status", apiVersion = "v1", status = "Success", details = new { name, kind = "nodes" } })
            : JsonSerializer.Serialize(new { kind = "Status", apiVersion = "v1", status = "Failure", message = $"nodes \"{name}\" not found", reason = "NotFound", code = 404 }));
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
