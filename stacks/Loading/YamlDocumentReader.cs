using Tazlab.Stacks.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Stacks.Loading;

/// <summary>Reads one YAML file into its root mapping, turning every syntax problem into a diagnostic.</summary>
internal static class YamlDocumentReader
{
    /// <summary>Largest file accepted: a stack file is a few kilobytes; anything huge is a mistake.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static YamlMappingNode? Read(string path, string displayName, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(displayName, "file not found", $"a file at {path}");
            return null;
        }

        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            diagnostics.Error(displayName, $"file is {info.Length} bytes", $"at most {MaxBytes} bytes");
            return null;
        }

        return Parse(File.ReadAllText(path), displayName, diagnostics);
    }

    public static YamlMappingNode? Parse(string text, string displayName, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(
                $"{displayName}:{ex.Start.Line}:{ex.Start.Column}",
                $"invalid YAML: {Flatten(ex.Message)}",
                "well-formed YAML with each key once per mapping");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(displayName, "file is empty", "a YAML mapping with a 'config:' section");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(displayName, $"file holds {stream.Documents.Count} YAML documents", "exactly one");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(displayName, "the file is not a YAML mapping", "a YAML mapping with a 'config:' section");
            return null;
        }

        return root;
    }

    private static string Flatten(string message)
    {
        // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: …) - (…): "; the location is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = index >= 0 ? message[(index + 3)..] : message;
        return text.Replace('\n', ' ').Replace('\r', ' ').Trim();
    }
}
