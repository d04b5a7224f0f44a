using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A block sequence.</summary>
public sealed class PatchSequence(IReadOnlyList<PatchNode> items) : PatchNode
{
    // Events are immutable: every sequence starts and ends with the same two.
    private static readonly SequenceStart Start = new(null, null, true, SequenceStyle.Any);
    private static readonly SequenceEnd End = new();

    internal override void Emit(IEmitter emitter)
    {
        emitter.Emit(Start);
        foreach (var item in items)
        {
            item.Emit(emitter);
        }

        emitter.Emit(End);
    }
}
