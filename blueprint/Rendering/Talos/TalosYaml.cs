using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// Builds and writes Talos YAML documents (<see cref="PatchNode"/>s, through YamlDotNet's emitter) and reads them back
/// with YamlDotNet's representation model. The layout is the one Talos and Image Factory write themselves (Go yaml.v3:
/// four-space indent, sequences indented under their key).
/// </summary>
public static partial class TalosYaml
{
    private static readonly EmitterSettings Layout = new EmitterSettings()
        .WithBestIndent(4)
        .WithIndentedSequences()
        // Never fold long values such as comma-joined audiences onto a second line.
        .WithBestWidth(int.MaxValue)
        .WithNewLine("\n");

    // Events are immutable, so a file's framing events are made once. The first document's start is implicit (no
    // "---"), the others' explicit; no document writes an end marker ("...").
    private static readonly StreamStart StreamStart = new();
    private static readonly StreamEnd StreamEnd = new();
    private static readonly DocumentStart FirstDocumentStart = new(null, null, isImplicit: true);
    private static readonly DocumentStart DocumentStart = new(null, null, isImplicit: false);
    private static readonly DocumentEnd DocumentEnd = new(isImplicit: true);

    [ThreadStatic]
    private static StringBuilder? t_text;

    private static readonly PatchScalar True = new("true", ScalarStyle.Plain);
    private static readonly PatchScalar False = new("false", ScalarStyle.Plain);

    public static PatchMapping Map(params (string Key, PatchNode Value)[] entries) => new(entries);

    public static PatchSequence Sequence(IEnumerable<string> values) => new([.. values.Select(Scalar)]);

    public static PatchSequence Sequence(IEnumerable<PatchNode> values) => new([.. values]);

    /// <summary>A string scalar; quoted when a YAML reader would otherwise take it for a boolean, null or number (e.g. <c>off</c>).</summary>
    public static PatchScalar Scalar(string value) => new(value, NonString().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any);

    public static PatchScalar Boolean(bool value) => value ? True : False;

    /// <summary>One multi-document text: documents separated by <c>---</c>, no <c>...</c> end markers.</summary>
    public static string Write(IEnumerable<PatchMapping> documents)
    {
        // One emitter for the whole file, into this thread's builder: node files are what grows with the cluster,
        // and a fresh builder grew through a chunk per doubling for each of them.
        var text = t_text ??= new StringBuilder(4096);
        text.Clear();
        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, Layout);
        emitter.Emit(StreamStart);
        var first = true;
        foreach (var document in documents)
        {
            emitter.Emit(first ? FirstDocumentStart : DocumentStart);
            document.Emit(emitter);
            emitter.Emit(DocumentEnd);
            first = false;
        }

        emitter.Emit(StreamEnd);
        return text.ToString();
    }

    /// <summary>Every document of a multi-document text; a document that is not a mapping is an error.</summary>
    public static IReadOnlyList<YamlMappingNode> Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents
            .Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException("a Talos document must be a mapping"))
            .ToList();
    }

    /// <summary>Reads a rendered file back for a check: a file that does not parse is reported, not thrown.</summary>
    public static bool TryRead(RenderedFile file, out IReadOnlyList<YamlMappingNode> documents, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            documents = Read(file.Content);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is YamlException or InvalidDataException)
        {
            documents = [];
            problem = $"{file.Path} cannot be read back as YAML: {ex.Message}";
            return false;
        }
    }

    /// <summary>The node at <paramref name="path"/> (mapping keys), or null when any step is missing.</summary>
    public static YamlNode? Find(YamlMappingNode document, params string[] path)
    {
        YamlNode current = document;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The scalar values at <paramref name="path"/>: a sequence's items, a single scalar, or nothing.</summary>
    public static IReadOnlyList<string> Strings(YamlMappingNode document, params string[] path) => Find(document, path) switch
    {
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        _ => [],
    };

    /// <summary>The string value of a scalar at <paramref name="path"/>, or null.</summary>
    public static string? String(YamlMappingNode document, params string[] path) => (Find(document, path) as YamlScalarNode)?.Value;

    /// <summary>The document's <c>kind</c>; the v1alpha1 document (machine/cluster) has none.</summary>
    public static string? Kind(YamlMappingNode document) => String(document, "kind");

    /// <summary>YAML 1.1 and 1.2 booleans, nulls and numbers: Go's yaml.v3 resolves some of these to non-strings.</summary>
    [GeneratedRegex(@"^(|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.ExplicitCapture)]
    private static partial Regex NonString();
}
