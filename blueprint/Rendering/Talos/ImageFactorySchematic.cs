using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// The Image Factory schematic: which official system extensions the Talos image carries. Its id is what Image
/// Factory computes (siderolabs/image-factory pkg/schematic): decode the posted YAML, re-encode it in canonical
/// form (Go yaml.v3, empty fields omitted), SHA-256 of those bytes, hex. The rendered file is written in that
/// canonical form, so the id is also the hash of the file. Pulumi's <c>ImageFactory.Schematic</c> resource returns
/// the authoritative id at apply time; this offline one lets the plan say what the installer is made from and notice changes.
/// </summary>
public static class ImageFactorySchematic
{
    /// <summary>The canonical schematic for <paramref name="officialExtensions"/>, in the given order (order is part of the id).</summary>
    public static string Render(IReadOnlyList<string> officialExtensions)
    {
        // With no extensions yaml.v3 writes the empty struct as "customization: {}", as an empty PatchMapping is written.
        var customization = officialExtensions.Count > 0
            ? TalosYaml.Map(("systemExtensions", TalosYaml.Map(("officialExtensions", TalosYaml.Sequence(officialExtensions)))))
            : TalosYaml.Map();

        return TalosYaml.Write([TalosYaml.Map(("customization", customization))]);
    }

    /// <summary>The schematic id of a schematic text, computed the way Image Factory does.</summary>
    public static string Id(string schematicYaml) => IdOfRendered(Render(OfficialExtensions(schematicYaml)));

    /// <summary>The id of a text <see cref="Render"/> wrote: already canonical, so hashed as it is.</summary>
    public static string IdOfRendered(string renderedSchematic)
    {
        var canonical = Encoding.UTF8.GetBytes(renderedSchematic);
        // A managed SHA-256, not the platform's: loading OpenSSL for this one hash cost ~9 ms, a tenth of a native `plan`.
        var digest = new Sha256Digest();
        digest.BlockUpdate(canonical, 0, canonical.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// The official extensions a schematic text lists. Only the fields this platform writes are understood; any other
    /// field is an error, as Image Factory's strict decoding would otherwise hash fields this reader dropped.
    /// </summary>
    public static IReadOnlyList<string> OfficialExtensions(string schematicYaml)
    {
        var document = TalosYaml.Read(schematicYaml) is [var single] ? single : throw new InvalidDataException("a schematic is one YAML document");
        ExpectOnly(document, "customization");
        if (TalosYaml.Find(document, "customization") is not YamlMappingNode customization)
        {
            throw new InvalidDataException("a schematic needs a customization mapping");
        }

        ExpectOnly(customization, "systemExtensions");
        if (TalosYaml.Find(customization, "systemExtensions") is YamlMappingNode extensions)
        {
            ExpectOnly(extensions, "officialExtensions");
        }

        return TalosYaml.Strings(customization, "systemExtensions", "officialExtensions");
    }

    private static void ExpectOnly(YamlMappingNode map, string key)
    {
        var other = map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value != key);
        if (other is not null)
        {
            throw new InvalidDataException($"schematic field '{other.Value}' is not one this platform writes");
        }
    }
}
