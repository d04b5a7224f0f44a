using System.Text;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Blueprint.Rendering.CoreDns.Corefile;

/// <summary>
/// Writes a <see cref="CorefileDocument"/> in the one form CoreDNS reads without surprises: every block's
/// '{' ends its line, each plugin or property on its own line, '}' alone on its line. A nested block is
/// never written on one line: <c>health { lameduck 5s }</c> crash-looped CoreDNS (DOMAIN.md failure 6).
/// </summary>
public static class CorefileWriter
{
    private const string Indent = "    ";

    public static string Write(CorefileDocument document)
    {
        var text = new StringBuilder();
        for (var i = 0; i < document.ServerBlocks.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            var block = document.ServerBlocks[i];
            if (block.Keys.Count == 0)
            {
                throw new InvalidOperationException("A server block needs at least one zone.");
            }

            Line(text, 0, [.. block.Keys.Select(Token), "{"]);
            foreach (var plugin in block.Plugins)
            {
                Directive(text, 1, plugin);
            }

            Line(text, 0, ["}"]);
        }

        return text.ToString();
    }

    private static void Directive(StringBuilder text, int depth, CorefileDirective directive)
    {
        var tokens = directive.Tokens.Select(Token).ToList();
        if (directive.Block.Count == 0)
        {
            Line(text, depth, tokens);
            return;
        }

        Line(text, depth, [.. tokens, "{"]);
        foreach (var line in directive.Block)
        {
            Directive(text, depth + 1, line);
        }

        Line(text, depth, ["}"]);
    }

    private static void Line(StringBuilder text, int depth, IEnumerable<string> tokens)
    {
        for (var i = 0; i < depth; i++)
        {
            text.Append(Indent);
        }

        text.Append(string.Join(' ', tokens)).Append('\n');
    }

    private static string Token(string token) => CorefileSyntax.IsWritable(token)
        ? CorefileSyntax.Quote(token)
        : throw new InvalidOperationException($"The Corefile token '{token}' cannot be written so that CoreDNS reads it back unchanged.");
}
