using YamlDotNet.Core;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// A node of a Talos patch document as the renderer builds it: a scalar, a sequence or a mapping, written once
/// through YamlDotNet's emitter. Not YamlDotNet's representation model: its nodes carry tags, anchors, positions
/// and an ordered dictionary each, and building them was half of what a node file allocated.
/// </summary>
public abstract class PatchNode
{
    private protected PatchNode()
    {
    }

    /// <summary>Feeds the node's YAML events to <paramref name="emitter"/>.</summary>
    internal abstract void Emit(IEmitter emitter);
}
