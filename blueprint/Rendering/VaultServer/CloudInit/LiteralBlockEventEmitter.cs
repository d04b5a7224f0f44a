using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>Emits multi-line strings (PEM, HCL, scripts) as literal blocks, so a file's content reads as the file.</summary>
internal sealed class LiteralBlockEventEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
        {
            eventInfo.Style = ScalarStyle.Literal;
        }

        base.Emit(eventInfo, emitter);
    }
}
