using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>Writes a <see cref="ShellCommand"/> as a one-line flow sequence (<c>[systemctl, enable, vault]</c>) and reads it back.</summary>
internal sealed class ShellCommandYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(ShellCommand);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        parser.Consume<SequenceStart>();
        var arguments = new List<string>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            arguments.Add(parser.Consume<Scalar>().Value);
        }

        return new ShellCommand(arguments);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var command = (ShellCommand)value!;
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow));
        foreach (var argument in command.Arguments)
        {
            // Always quoted: arguments hold '|', ':', '$' and '[' that must stay text.
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, argument, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }

        emitter.Emit(new SequenceEnd());
    }
}
