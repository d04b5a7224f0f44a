using System.Text;

namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// The token rules of CoreDNS's Corefile lexer (coredns/caddy caddyfile/lexer.go), one line at a time:
/// tokens are split on whitespace; '#' starts a comment anywhere outside quotes; a token that starts with
/// '"' runs to the closing quote, and inside quotes only '\"' is an escape. Braces are structure when
/// they are a whole token, quoted or not, so '{' and '}' can never be arguments.
/// </summary>
public static class CorefileSyntax
{
    /// <summary>The tokens of one line; <paramref name="unclosedQuote"/> is true when a quoted token runs past the line's end.</summary>
    public static IReadOnlyList<string> Tokenize(string line, out bool unclosedQuote)
    {
        unclosedQuote = false;
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                break;
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuoted(line, ref i, out var closed));
                unclosedQuote |= !closed;
            }
            else
            {
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] != '#')
                {
                    i++;
                }

                tokens.Add(line[start..i]);
            }
        }

        return tokens;
    }

    /// <summary>The token as it is written: bare when the lexer reads it back unchanged, quoted otherwise.</summary>
    public static string Quote(string token)
    {
        var bare = token.Length > 0 && !token.StartsWith('"') && !token.Any(c => char.IsWhiteSpace(c) || c == '#');
        return bare ? token : "\"" + token.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Whether <see cref="Quote"/> round-trips the token (a few backslash-and-quote mixes cannot be written).</summary>
    public static bool IsWritable(string token) =>
        token is not ("{" or "}")
        && !token.Contains('\n', StringComparison.Ordinal)
        && Tokenize(Quote(token), out var unclosed) is [var read] && !unclosed && read == token;

    /// <summary>The tokens as one normalised line, e.g. for messages.</summary>
    public static string Join(IEnumerable<string> tokens) => string.Join(' ', tokens.Select(t => t is "{" or "}" ? t : Quote(t)));

    private static string ReadQuoted(string line, ref int i, out bool closed)
    {
        var value = new StringBuilder();
        var escaped = false;
        closed = false;
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (!escaped && c == '\\')
            {
                escaped = true;
                continue;
            }

            if (!escaped && c == '"')
            {
                closed = true;
                i++;
                break;
            }

            // Only a quote can be escaped; any other backslash stays in the value.
            if (escaped && c != '"')
            {
                value.Append('\\');
            }

            value.Append(c);
            escaped = false;
        }

        if (escaped)
        {
            value.Append('\\');
        }

        return value.ToString();
    }
}
