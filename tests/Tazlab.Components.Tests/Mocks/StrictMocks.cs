using System.Collections.Immutable;
using Pulumi.Testing;

namespace Tazlab.Components.Tests.Mocks;

/// <summary>
/// Engine mocks that fail on any resource type a test did not expect (as the Pulumi .NET SDK's own tests do),
/// record every registration, and give each resource an id and its inputs back as state, plus the outputs
/// the test supplies per type (e.g. a key).
/// </summary>
public sealed class StrictMocks(IReadOnlyDictionary<string, Func<MockResourceArgs, ImmutableDictionary<string, object>>> expected) : IMocks
{
    public List<MockResourceArgs> Registered { get; } = [];

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        if (!expected.TryGetValue(args.Type ?? string.Empty, out var outputs))
        {
            throw new InvalidOperationException($"Unexpected resource type {args.Type} ({args.Name}).");
        }

        lock (Registered)
        {
            Registered.Add(args);
        }

        var state = args.Inputs.SetItems(outputs(args));
        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state));
    }

    public Task<object> CallAsync(MockCallArgs args) => throw new InvalidOperationException($"Unexpected call {args.Token}.");
}
