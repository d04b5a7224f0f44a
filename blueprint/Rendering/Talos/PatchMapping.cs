using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A block mapping, its keys in the order they were added; empty, it is written <c>{}</c> as Go's yaml.v3 does.</summary>
public sealed class PatchMapping : PatchNode
{
    private readonly List<(string Key, PatchNode Value)> _entries;

    public PatchMapping(params (string Key, PatchNode Value)[] entries) => _entries = [.. entries];

    public IReadOnlyList<(string Key, PatchNode Value)> Entries => _entries;

    public void Add(string key, PatchNode value) => _entries.Add((key, value));

    internal override void Emit(IEmitter emitter)
    {
        emitter.Emit(new MappingStart(null, null, true, _entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Any));
        foreach (var (key, value) in _entries)
        {
            emitter.Emit(new Scalar(null, null, key, ScalarStyle.Any, true, false));
            value.Emit(emitter);
        }

        emitter.Emit(new MappingEnd());
    }
}
