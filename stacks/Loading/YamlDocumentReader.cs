using System.Buffers;
using System.Text.Unicode;
using Tazlab.Stacks.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Stacks.Loading;

/// <summary>
/// Reads one YAML file into its root mapping, turning every problem into a diagnostic at its file, line and column:
/// text that is not UTF-8 or holds a NUL, what <see cref="YamlLimits"/> refuses, and anything YamlDotNet throws.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>Largest file accepted (<see cref="YamlLimits.MaxBytes"/>).</summary>
    public const int MaxBytes = YamlLimits.MaxBytes;


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

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(displayName, $"cannot be read ({e.GetType().Name})", $"a readable file at {path}");
            return null;
        }

        return Decode(bytes, displayName, diagnostics) is { } text ? Parse(text, displayName, diagnostics) : null;
    }

    /// <summary>The file's text, as strict UTF-8 (a byte-order mark allowed); null, with the place, when it is not.</summary>
    public static string? Decode(byte[] bytes, string displayName, DiagnosticBag diagnostics)
    {
        var source = bytes.AsSpan(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        var chars = new char[source.Length];
        // Utf8.ToUtf16 stops at the first invalid sequence and says where, instead of replacing it with U+FFFD.
        if (Utf8.ToUtf16(source, chars, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var before = chars.AsSpan(0, written);
        var line = before.Count('\n') + 1;
        var column = written - (before.LastIndexOf('\n') + 1) + 1;
        diagnostics.Error($"{displayName}:{line}:{column}", $"is not UTF-8 (byte 0x{source[read]:X2})", "a file saved as UTF-8");
        return null;
    }

    public static YamlMappingNode? Parse(string text, string displayName, DiagnosticBag diagnostics)
    {
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var before = text[..nul];
            diagnostics.Error($"{displayName}:{before.Count(c => c == '\n') + 1}:{nul - (before.LastIndexOf('\n') + 1) + 1}", "holds a NUL character", "text without NUL characters (a YAML file is text)");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            if (!YamlPreflight.Check(text, displayName, diagnostics))
            {
                return null;
            }

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
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet 18.1.0 throws these on some malformed text (an unclosed flow sequence broken by a line break).
            diagnostics.Error(displayName, $"invalid YAML ({ex.GetType().Name}: {Flatten(ex.Message)})", "well-formed YAML: close every [ and { on its line, or write the list one item a line");
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
