using System.Globalization;
using System.Text;

namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>
/// Writes an <see cref="HclDocument"/> as HCL text: two-space indentation, a blank line around blocks,
/// strings escaped so that nothing in a value is read as an interpolation (<c>${</c>, <c>%{</c>).
/// </summary>
public static class HclWriter
{
    public static string Write(HclDocument document)
    {
        var text = new StringBuilder();
        WriteBody(text, document.Body, indent: 0);
        return text.ToString();
    }

    /// <summary>A value as HCL source, e.g. <c>"a"</c> or <c>["read", "list"]</c>.</summary>
    public static string Value(HclValue value) => value switch
    {
        HclString s => Quote(s.Value),
        HclNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        HclBool b => b.Value ? "true" : "false",
        HclList l => "[" + string.Join(", ", l.Items.Select(Value)) + "]",
        HclObject o => o.Entries.Count == 0 ? "{}" : "{ " + string.Join(", ", o.Entries.Select(e => $"{Quote(e.Key)} = {Value(e.Value)}")) + " }",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown HCL value"),
    };

    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '$' or '%' when next == '{': text.Append(c).Append(c); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static void WriteBody(StringBuilder text, IReadOnlyList<HclNode> body, int indent)
    {
        var pad = new string(' ', indent);
        HclNode? previous = null;
        foreach (var node in body)
        {
            // Blocks stand apart; a comment belongs to what follows it, so the gap goes before the comment.
            if (previous is not null and not HclComment && (node is HclBlock or HclComment || previous is HclBlock))
            {
                text.Append('\n');
            }

            switch (node)
            {
                case HclComment comment:
                    text.Append(pad).Append("# ").Append(comment.Text).Append('\n');
                    break;
                case HclArgument { Value: HclObject { Entries.Count: > 0 } map } attribute:
                    // One entry a line, as Vault's policy documentation writes allowed_parameters.
                    CheckIdentifier(attribute.Name);
                    text.Append(pad).Append(attribute.Name).Append(" = {\n");
                    foreach (var entry in map.Entries)
                    {
                        text.Append(pad).Append("  ").Append(Quote(entry.Key)).Append(" = ").Append(Value(entry.Value)).Append('\n');
                    }

                    text.Append(pad).Append("}\n");
                    break;
                case HclArgument attribute:
                    CheckIdentifier(attribute.Name);
                    text.Append(pad).Append(attribute.Name).Append(" = ").Append(Value(attribute.Value)).Append('\n');
                    break;
                case HclBlock block:
                    CheckIdentifier(block.Type);
                    text.Append(pad).Append(block.Type);
                    foreach (var label in block.Labels)
                    {
                        text.Append(' ').Append(Quote(label));
                    }

                    text.Append(" {\n");
                    WriteBody(text, block.Body, indent + 2);
                    text.Append(pad).Append("}\n");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(body), node, "unknown HCL node");
            }

            previous = node;
        }
    }

    private static void CheckIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"'{name}' is not an HCL identifier", nameof(name));
        }
    }
}
