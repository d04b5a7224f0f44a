using System.Collections.Concurrent;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A block mapping, its keys in the order they were added; empty, it is written <c>{}</c> as Go's yaml.v3 does.</summary>
public sealed class PatchMapping : PatchNode
{
    // Events are immutable, so the ones every mapping writes alike are made once. A key's event is made once per key:
    // the keys are the Talos schema's field names, written in code, a few dozen in all, and each node file repeats them.
    private static readonly MappingStart BlockStart = new(null, null, true, MappingStyle.Any);
    private static readonly MappingStart FlowStart = new(null, null, true, MappingStyle.Flow);
    private static readonly MappingEnd End = new();
    private static readonly ConcurrentDictionary<string, Scalar> KeyEvents = new(StringComparer.Ordinal);

    private (string Key, PatchNode Value)[] _entries;

    public PatchMapping(params (string Key, PatchNode Value)[] entries) => _entries = entries;

    public void Add(string key, PatchNode value) => _entries = [.. _entries, (key, value)];

    internal override void Emit(IEmitter emitter)
    {
        emitter.Emit(_entries.Length == 0 ? FlowStart : BlockStart);
        foreach (var (key, value) in _entries)
        {
            emitter.Emit(KeyEvents.GetOrAdd(key, static k => new Scalar(null, null, k, ScalarStyle.Any, true, false)));
            value.Emit(emitter);
        }

        emitter.Emit(End);
    }
}
