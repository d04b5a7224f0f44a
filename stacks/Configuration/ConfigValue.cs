namespace Tazlab.Stacks.Configuration;

/// <summary>
/// A raw configuration value as Pulumi stores it, before it is given a type.
/// Secrets stay opaque: a <see cref="ConfigSecret"/> never carries plain text.
/// </summary>
public abstract record ConfigValue
{
    /// <summary>A short word for messages: "a string", "a list", "a secret"…</summary>
    public abstract string Describe();
}

/// <summary>A scalar. <paramref name="Quoted"/> is true when the file wrote it in quotes (so it is a string, not a number).</summary>
public sealed record ConfigScalar(string Text, bool Quoted = false) : ConfigValue
{
    /// <summary>
    /// No value: empty text (quoted or not: Pulumi.yaml gives the keys a stack may leave unset an empty default,
    /// which the engine passes on as an empty string) or YAML's null.
    /// </summary>
    public bool IsNull => Text.Length == 0 || (!Quoted && Text is "~" or "null" or "Null" or "NULL");

    public override string Describe() => IsNull ? "empty" : $"'{Printable(Text)}'";

    /// <summary>
    /// Text safe to print in one line of a message: control characters, line and paragraph separators (U+2028,
    /// U+2029) and format characters (bidirectional overrides) escaped, so a value cannot print what looks like
    /// another line or reorder one; long values cut.
    /// </summary>
    public static string Printable(string text) => Escape(text.Length <= 60 ? text : text[..60] + "…");

    /// <summary>
    /// <see cref="Printable"/> without the cut, for text that must be shown whole (a key, a path). Escaped text has
    /// nothing left to escape, so escaping twice changes nothing.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Format;
}

/// <summary>
/// An encrypted value (<c>secure: …</c> in a stack file, or a secret in <c>Pulumi.Config</c>).
/// The ciphertext is kept only so that two loads can be compared; it is never decrypted or printed.
/// </summary>
public sealed record ConfigSecret(string Ciphertext) : ConfigValue
{
    public override string Describe() => "a secret (secure:) value";

    public override string ToString() => "[secret]";
}

/// <summary>A list.</summary>
public sealed record ConfigSequence(IReadOnlyList<ConfigValue> Items) : ConfigValue
{
    public override string Describe() => "a list";
}

/// <summary>A mapping, in the order the file wrote it.</summary>
public sealed record ConfigMapping(IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries) : ConfigValue
{
    public override string Describe() => "a mapping";
}
