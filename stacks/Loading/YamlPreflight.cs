using Tazlab.Stacks.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tazlab.Stacks.Loading;

/// <summary>
/// Walks a YAML text's parser events (iteratively: YamlDotNet's parser is a state machine) and refuses, before any
/// node is built, what <see cref="YamlLimits"/> does not allow. Building nodes recurses, and expanding aliases
/// multiplies: both are safe only after this has passed.
/// </summary>
internal static class YamlPreflight
{
    private sealed class Frame(string? anchor)
    {
        public string? Anchor { get; } = anchor;

        public long Nodes { get; set; }
    }

    /// <summary>True when the text is within the limits; otherwise one error, at the place it was found.</summary>
    public static bool Check(string text, string displayName, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var aliases = 0;
        long expanded = 0;

        bool Refuse(Mark at, string problem, string expected)
        {
            diagnostics.Error($"{displayName}:{at.Line}:{at.Column}", problem, expected);
            return false;
        }

        void Add(long nodes)
        {
            expanded = Math.Min(expanded + nodes, long.MaxValue / 2);
            if (frames.Count > 0)
            {
                frames.Peek().Nodes = Math.Min(frames.Peek().Nodes + nodes, long.MaxValue / 2);
            }
        }

        var last = Mark.Empty;
        while (Next(parser, last, displayName, diagnostics) is var moved && moved != false)
        {
            if (moved is null)
            {
                return false;
            }

            last = parser.Current!.End;
            switch (parser.Current)
            {
                case Scalar scalar:
                    if (scalar.Value.Length > YamlLimits.MaxScalarLength)
                    {
                        return Refuse(scalar.Start, $"a value of {scalar.Value.Length} characters", $"at most {YamlLimits.MaxScalarLength} characters in one value");
                    }

                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = 1;
                    }

                    Add(1);
                    break;
                case SequenceStart sequence:
                    if (frames.Count >= YamlLimits.MaxDepth)
                    {
                        return Refuse(sequence.Start, $"lists and mappings nested more than {YamlLimits.MaxDepth} deep", $"at most {YamlLimits.MaxDepth} levels");
                    }

                    frames.Push(new Frame(sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value));
                    break;
                case MappingStart mapping:
                    if (frames.Count >= YamlLimits.MaxDepth)
                    {
                        return Refuse(mapping.Start, $"lists and mappings nested more than {YamlLimits.MaxDepth} deep", $"at most {YamlLimits.MaxDepth} levels");
                    }

                    frames.Push(new Frame(mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value));
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = frames.Pop();
                    var size = Math.Min(frame.Nodes + 1, long.MaxValue / 2);
                    if (frame.Anchor is { } anchor)
                    {
                        anchors[anchor] = size;
                    }

                    // The frame's nodes were counted as they came; only the collection itself is new to its parent.
                    expanded = Math.Min(expanded + 1, long.MaxValue / 2);
                    if (frames.Count > 0)
                    {
                        frames.Peek().Nodes = Math.Min(frames.Peek().Nodes + size, long.MaxValue / 2);
                    }

                    break;
                case AnchorAlias alias:
                    if (++aliases > YamlLimits.MaxAliases)
                    {
                        return Refuse(alias.Start, $"more than {YamlLimits.MaxAliases} aliases", $"at most {YamlLimits.MaxAliases} aliases (*name) in one file");
                    }

                    Add(anchors.GetValueOrDefault(alias.Value.Value, 1));
                    break;
            }

            if (expanded > YamlLimits.MaxExpandedNodes)
            {
                return Refuse(parser.Current!.Start, $"more than {YamlLimits.MaxExpandedNodes} values once its aliases are expanded", "a file whose aliases repeat small parts, not each other");
            }
        }

        return true;
    }

    /// <summary>
    /// The next event: true, false at the end, or null (with an error after the last good place) when YamlDotNet
    /// 18.1.0 fails with something other than a YamlException, as it does on a flow list broken by a line break.
    /// </summary>
    private static bool? Next(Parser parser, Mark last, string displayName, DiagnosticBag diagnostics)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            diagnostics.Error($"{displayName}:{last.Line}:{last.Column}", "invalid YAML after this point: a flow list or mapping ([ … ] or { … }) is not closed, or is broken by a line break", "well-formed YAML: close every [ and { on its line, or write the list one item a line");
            return null;
        }
    }
}
