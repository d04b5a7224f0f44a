using System.Collections.Concurrent;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A block mapping, its keys in the order they were added; empty, it is written <c>{}</c> as Go's yaml.v3 does.</summary>
public sealed class PatchMapping : PatchNode
{
    // A key's event is made once per key: the keys are the Talos schema's field names, written in code, a few dozen
    // in all, and each node file repeats the same ones.
    private static readonly ConcurrentDictionary<string, Scalar> KeyEvents = new(StringComparer.Ordinal);

    private readonly List<(string Key, PatchNode Value)> _entries;

    public PatchMapping(params (string Key, PatchNode Value)[] entries) => _entries = [.. entries];

    public IReadOnlyList<(string Key, PatchNode Value)> Entries => _entries;

    public void Add(string key, PatchNode value) => _entries.Add((key, value));

    internal override void Emit(IEmitter emitter)
    {
        emitter.Emit(new MappingStart(null, null, true, _entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Any));
        foreach (var (key, value) in _entries)
        {
            emitter.Emit(KeyEvents.GetOrAdd(key, static k => new Scalar(null, null, k, ScalarStyle.Any, true, false)));
            value.Emit(emitter);
        }

        emitter.Emit(new MappingEnd());
    }
}
