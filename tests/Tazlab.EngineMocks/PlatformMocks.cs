using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Tazlab.EngineMocks;

/// <summary>
/// Engine mocks that fail on any resource type or invoke a test did not expect (as the Pulumi .NET SDK's own tests
/// do), record every registration, and answer with the inputs as state plus the outputs a real provider would add.
/// Ids are numbers (Hetzner's firewall id is one) made from the type and name, so two runs give a resource the same id
/// whatever order the SDK registers in, unless a type gives its own.
/// </summary>
public sealed class PlatformMocks(
    IReadOnlyDictionary<string, Func<MockResourceArgs, ImmutableDictionary<string, object>>> resources,
    IReadOnlyDictionary<string, Func<MockCallArgs, ImmutableDictionary<string, object>>> calls,
    IReadOnlyDictionary<string, Func<MockResourceArgs, string>>? ids = null) : IMocks
{
    public ConcurrentQueue<MockResourceArgs> Registered { get; } = new();

    /// <summary>The id each registration was given, by type and name.</summary>
    public ConcurrentDictionary<(string Type, string Name), string> Ids { get; } = new();

    public ConcurrentQueue<MockCallArgs> Calls { get; } = new();

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var type = args.Type ?? string.Empty;
        if (!resources.TryGetValue(type, out var outputs))
        {
            throw new InvalidOperationException($"Unexpected resource type {type} ({args.Name}).");
        }

        Registered.Enqueue(args);
        var id = ids is not null && ids.TryGetValue(type, out var idOf) ? idOf(args) : StableId(type, args.Name ?? string.Empty);
        Ids[(type, args.Name ?? string.Empty)] = id;
        return Task.FromResult<(string?, object)>((id, args.Inputs.SetItems(outputs(args))));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        var token = args.Token ?? string.Empty;
        if (!calls.TryGetValue(token, out var result))
        {
            throw new InvalidOperationException($"Unexpected invoke {token}.");
        }

        Calls.Enqueue(args);
        return Task.FromResult<object>(result(args));
    }

    /// <summary>A number from the type and name (FNV-1a): the same in every run.</summary>
    private static string StableId(string type, string name)
    {
        var hash = 2166136261u;
        foreach (var c in type + "::" + name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (1000 + (hash % 1_000_000_000u)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every registration of one type.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type).ToList();

    /// <summary>The one registration of a type and name.</summary>
    public MockResourceArgs Single(string type, string name) => Registered.Single(r => r.Type == type && r.Name == name);
}
