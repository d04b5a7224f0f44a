using System.Globalization;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// How KubernetesClient writes its scalar types in YAML: an int-or-string, a resource quantity and a byte
/// array (base64) as their text, plain.
/// </summary>
internal sealed class KubernetesScalarConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(IntOrString) || type == typeof(ResourceQuantity) || type == typeof(byte[]);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
        throw new NotSupportedException("manifests are read through their JSON form");

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var text = value switch
        {
            IntOrString intOrString => intOrString.Value,
            ResourceQuantity quantity => quantity.ToString(),
            byte[] bytes => Convert.ToBase64String(bytes),
            _ => string.Empty,
        };
        emitter.Emit(new Scalar(text));
    }
}

/// <summary>
/// KubernetesClient's string quoting: a string YAML (1.1 or 1.2) would read as null, a boolean or a number
/// is double-quoted; a multi-line string is a literal block. Floating-point numbers keep a decimal point.
/// </summary>
internal sealed partial class KubernetesScalarStyleEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        switch (eventInfo.Source.Value)
        {
            case double d:
                emitter.Emit(new Scalar(d.ToString("0.0######################", CultureInfo.InvariantCulture)));
                return;
            case float f:
                emitter.Emit(new Scalar(f.ToString("0.0######################", CultureInfo.InvariantCulture)));
                return;
            case char c when char.IsDigit(c):
                eventInfo.Style = ScalarStyle.DoubleQuoted;
                break;
            case string s when ReadsAsOtherType().IsMatch(s):
                eventInfo.Style = ScalarStyle.DoubleQuoted;
                break;
            case string s when s.Contains('\n', StringComparison.Ordinal):
                eventInfo.Style = ScalarStyle.Literal;
                break;
        }

        base.Emit(eventInfo, emitter);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF|-?(0|[0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?)?$")]
    private static partial System.Text.RegularExpressions.Regex ReadsAsOtherType();
}
