using System.Text;

namespace Tazlab.Fuzzing;

/// <summary>
/// Changes a stack file's text the way hands, editors and broken pipes do: bytes and lines deleted, repeated, swapped
/// or re-indented, YAML punctuation and anchors dropped in, values replaced by edge cases, invalid UTF-8, line
/// breaks YAML and Unicode know. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class StackTextMutator(Random random)
{
    // What a value or a structure can be broken with: YAML syntax, numbers at the edges, Unicode that looks like
    // nothing or like a line break, and pieces of this project's own vocabulary.
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ":", ": ", "- ", ",", "?", "? ", "|", ">", "#", "&a ", "*a", "&b [*a, *a, *a]", "!!binary ", "!!str ", "!custom ",
        "\"", "'", "\\", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\u0000", "\u001b[31m",
        "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "<<: *a\n", "~", "null", "true", "no", "yes", "0", "-1", "65535", "65536",
        "99999999999999999999999999", "1e309", "0x10", "0o17", ".inf", ".nan", "-0", "1_000", "secure: ", "secure: \"\"", "secure: []",
        "tag:", "tag:x", "tag:a b", "autogroup:admin", "10.0.0.0/0", "0.0.0.0/0", "::/0", "10.96.0.1", "256.1.1.1", "fe80::1%eth0",
        "https://", "http://x", "v1.2.3-rc.1", "latest", "1.2", "90d", "91d", "0s", "-5m", "1h1h", "controlplane", "worker", "a.b",
        "../..", "/", "*", "ä", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "${PULUMI}", "{{ .x }}", "$(rm -rf /)",
    ];

    // Bytes that are not UTF-8: a lone continuation, a cut sequence, an overlong form, a surrogate, Latin-1.
    private static readonly byte[][] InvalidUtf8 = [[0x80], [0xC3], [0xE2, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xE9], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    /// <summary>Applies one to three mutations; <paramref name="applied"/> lists them in order.</summary>
    public byte[] Mutate(byte[] original, List<Mutation> applied)
    {
        var bytes = new List<byte>(original);
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            applied.Add(MutateOnce(bytes));
        }

        return [.. bytes];
    }

    private Mutation MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
        switch (random.Next(14))
        {
            case 0:
            {
                var length = Math.Min(1 + random.Next(24), bytes.Count - Math.Min(at, bytes.Count));
                bytes.RemoveRange(Math.Min(at, bytes.Count), length);
                return new Mutation("delete-bytes", at, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            case 1:
            case 2:
            {
                var token = Tokens[random.Next(Tokens.Length)];
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return new Mutation("insert-token", at, Escape(token));
            }

            case 3:
            {
                var invalid = InvalidUtf8[random.Next(InvalidUtf8.Length)];
                bytes.InsertRange(at, invalid);
                return new Mutation("insert-invalid-utf8", at, Convert.ToHexString(invalid));
            }

            case 4:
                return LineEdit(bytes, "delete-line", (lines, n) => lines.RemoveAt(n));
            case 5:
                return LineEdit(bytes, "repeat-line", (lines, n) =>
                {
                    var times = random.Next(4) == 0 ? 1 + random.Next(200) : 1;
                    lines.InsertRange(n, Enumerable.Repeat(lines[n], times));
                });
            case 6:
                return LineEdit(bytes, "swap-lines", (lines, n) =>
                {
                    var m = random.Next(lines.Count);
                    (lines[n], lines[m]) = (lines[m], lines[n]);
                });
            case 7:
                return LineEdit(bytes, "reindent", (lines, n) =>
                {
                    var shift = random.Next(-4, 5);
                    var indent = lines[n].Length - lines[n].TrimStart(' ').Length;
                    lines[n] = shift >= 0 ? new string(' ', shift) + lines[n] : lines[n][Math.Min(indent, -shift)..];
                });
            case 8:
                return LineEdit(bytes, "replace-value", (lines, n) =>
                {
                    var colon = lines[n].IndexOf(": ", StringComparison.Ordinal);
                    var dash = lines[n].IndexOf("- ", StringComparison.Ordinal);
                    var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : lines[n].Length;
                    lines[n] = lines[n][..cut] + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                });
            case 9:
            {
                if (bytes.Count > 0)
                {
                    var index = Math.Min(at, bytes.Count - 1);
                    var bit = (byte)(1 << random.Next(8));
                    bytes[index] ^= bit;
                    return new Mutation("flip-bit", index, bit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return new Mutation("flip-bit", 0, "empty");
            }

            case 10:
            {
                var keep = Math.Min(at, bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                return new Mutation("truncate", keep, string.Empty);
            }

            case 11:
            {
                // Nesting deep enough to cross the reader's limit now and then.
                var depth = random.Next(4) == 0 ? 40 + random.Next(200) : 1 + random.Next(8);
                var open = random.Next(2) == 0 ? "[" : "{a: ";
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
                return new Mutation("nest", at, $"{depth}x{open.Trim()}");
            }

            case 12:
            {
                // A small billion-laughs: each level repeats the previous one's alias.
                var levels = 2 + random.Next(12);
                var text = new StringBuilder("\n  tazlab:laughs0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n");
                for (var l = 1; l < levels; l++)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  tazlab:laughs{l}: &l{l} [*l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}, *l{l - 1}]\n");
                }

                bytes.InsertRange(at, Encoding.UTF8.GetBytes(text.ToString()));
                return new Mutation("alias-bomb", at, levels.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            default:
            {
                // A long value, at or past the reader's per-value limit.
                var length = random.Next(2) == 0 ? 60 + random.Next(1000) : 60_000 + random.Next(10_000);
                bytes.InsertRange(at, Enumerable.Repeat((byte)'x', length));
                return new Mutation("long-value", at, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private Mutation LineEdit(List<byte> bytes, string name, Action<List<string>, int> edit)
    {
        // Lines split on LF only, so CR, NEL and the Unicode separators stay where they were; invalid bytes survive
        // the round trip through Latin-1.
        var lines = Encoding.Latin1.GetString([.. bytes]).Split('\n').ToList();
        var n = random.Next(lines.Count);
        edit(lines, n);
        bytes.Clear();
        bytes.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
        return new Mutation(name, n + 1, "line");
    }

    private static string Escape(string token) =>
        string.Concat(token.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
