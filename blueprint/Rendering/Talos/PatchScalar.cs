using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>A scalar, written in <paramref name="style"/> (<see cref="ScalarStyle.Any"/> lets the emitter choose).</summary>
public sealed class PatchScalar(string value, ScalarStyle style) : PatchNode
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    internal override void Emit(IEmitter emitter) => emitter.Emit(new Scalar(null, null, Value, Style, true, false));
}
