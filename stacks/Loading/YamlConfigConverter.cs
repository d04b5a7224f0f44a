using Tazlab.Stacks.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Stacks.Loading;

/// <summary>Turns YamlDotNet nodes into <see cref="ConfigValue"/>s, recognising Pulumi's <c>secure:</c> form.</summary>
internal static class YamlConfigConverter
{
    public static ConfigValue Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new ConfigScalar(
            scalar.Value ?? string.Empty,
            scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded),
        YamlSequenceNode sequence => new ConfigSequence(sequence.Children.Select(Convert).ToList()),
        YamlMappingNode mapping when IsSecure(mapping, out var ciphertext) => new ConfigSecret(ciphertext),
        YamlMappingNode mapping => new ConfigMapping(mapping.Children
            .Select(pair => new KeyValuePair<string, ConfigValue>(KeyText(pair.Key), Convert(pair.Value)))
            .ToList()),
        _ => new ConfigScalar(string.Empty),
    };

    /// <summary>The text of a mapping key; a non-scalar key (legal YAML, useless here) is shown as YAML.</summary>
    public static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? string.Empty : key.ToString();

    private static bool IsSecure(YamlMappingNode mapping, out string ciphertext)
    {
        ciphertext = string.Empty;
        if (mapping.Children.Count != 1)
        {
            return false;
        }

        var (key, value) = mapping.Children.First();
        if (key is YamlScalarNode { Value: "secure" } && value is YamlScalarNode v)
        {
            ciphertext = v.Value ?? string.Empty;
            return true;
        }

        return false;
    }
}
