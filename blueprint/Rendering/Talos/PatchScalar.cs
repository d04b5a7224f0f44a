using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// A scalar, written in <paramref name="style"/> (<see cref="ScalarStyle.Any"/> lets the emitter choose). Its event
/// is made once and is immutable, so a constant scalar is shared by every document that holds it.
/// </summary>
public sealed class PatchScalar(string value, ScalarStyle style) : PatchNode
{
    private readonly Scalar _event = new(null, null, value, style, true, false);

    internal override void Emit(IEmitter emitter) => emitter.Emit(_event);
}
