using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A block sequence.</summary>
public sealed class PatchSequence(IReadOnlyList<PatchNode> items) : PatchNode
{
    public IReadOnlyList<PatchNode> Items { get; } = items;

    internal override void Emit(IEmitter emitter)
    {
        emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Any));
        foreach (var item in Items)
        {
            item.Emit(emitter);
        }

        emitter.Emit(new SequenceEnd());
    }
}
