using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Validation;

namespace Tazlab.Stacks.Reading;

/// <summary>
/// Reads typed values out of one mapping (the top-level configuration, or an item of a structured list),
/// reporting every shape problem under the key that holds it. Whatever it was never asked for is an
/// unknown key, reported by <see cref="ReportUnknownKeys"/> with a "did you mean".
/// Invalid values come back as harmless fallbacks, so reading goes on and every problem is found in one pass.
/// </summary>
public sealed class MappingReader
{
    // The top-level configuration, with its many keys, is looked up by name; an item of a list, with a handful, is
    // searched in place: copying each item into a dictionary and a set was most of what reading a large estate cost.
    private readonly IReadOnlyDictionary<string, ConfigValue>? _byName;
    private readonly IReadOnlyList<KeyValuePair<string, ConfigValue>> _entries;

    // Every ask, in order, repeats included; duplicates are dropped where the reads are listed.
    private readonly List<(string Name, ValueKind Kind, bool Required)> _reads;

    // An item's key prefix (tazlab:talosNodes[3].) is spelled out only when a message or a caller needs it.
    private readonly MappingReader? _parent;
    private readonly string _listName = string.Empty;
    private readonly int _index;
    private string? _prefix;

    /// <summary>A reader of a whole mapping; <paramref name="keyPrefix"/> (e.g. <c>tazlab:</c>) starts every key it reports.</summary>
    public MappingReader(IReadOnlyDictionary<string, ConfigValue> entries, string keyPrefix, DiagnosticBag diagnostics)
    {
        _byName = entries;
        _entries = [];
        _reads = new(entries.Count);
        _prefix = keyPrefix;
        Diagnostics = diagnostics;
    }

    /// <summary>A reader of item <paramref name="index"/> of the list <paramref name="listName"/> that <paramref name="parent"/> reads.</summary>
    private MappingReader(MappingReader parent, string listName, int index, ConfigMapping item)
    {
        _entries = item.Entries;
        // An item is usually asked for about as many keys as it holds.
        _reads = new(item.Entries.Count);
        _parent = parent;
        _listName = listName;
        _index = index;
        Diagnostics = parent.Diagnostics;
    }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Every key this reader was asked for, in the order first asked.</summary>
    public IReadOnlyList<KeyRead> Reads => _reads.DistinctBy(r => r.Name, StringComparer.Ordinal).Select(r => new KeyRead(KeyOf(r.Name), r.Kind, r.Required)).ToList();

    /// <summary>The full key name used in messages, e.g. <c>tazlab:talosNodes[0].ip</c>.</summary>
    public string KeyOf(string name) => (_prefix ??= $"{_parent!.KeyOf(_listName)}[{_index.ToString(CultureInfo.InvariantCulture)}].") + name;

    public string String(string name, bool required = true, string fallback = "") => String(name, required, fallback, multiline: false);

    /// <summary>A text that may span lines (a Corefile fragment); other control characters are still refused.</summary>
    public string MultilineString(string name) => String(name, required: false, fallback: string.Empty, multiline: true);

    private string String(string name, bool required, string fallback, bool multiline)
    {
        var value = Take(name, ValueKind.String, required);
        switch (value)
        {
            case null:
                return fallback;
            case ConfigScalar { IsNull: true }:
                if (required)
                {
                    Diagnostics.Error(KeyOf(name), "is empty", "a value");
                }

                return fallback;
            case ConfigScalar scalar:
                return IsPrintable(name, scalar.Text, multiline) ? scalar.Text : fallback;
            default:
                WrongShape(name, value, "a plain string");
                return fallback;
        }
    }

    public string? OptionalString(string name)
    {
        var value = Take(name, ValueKind.String, required: false);
        return value switch
        {
            null or ConfigScalar { IsNull: true } => null,
            ConfigScalar scalar => IsPrintable(name, scalar.Text, multiline: false) ? scalar.Text : null,
            _ => WrongShape<string?>(name, value, "a plain string", null),
        };
    }

    public int Integer(string name, int min, int max, bool required = true, int fallback = 0)
    {
        var value = Take(name, ValueKind.Integer, required);
        return value is null ? fallback : ToInteger(name, null, value, min, max, fallback);
    }

    public bool Boolean(string name, bool required = true, bool fallback = false)
    {
        var value = Take(name, ValueKind.Boolean, required);
        switch (value)
        {
            case null:
                return fallback;
            case ConfigScalar { Text: "true" or "True" or "TRUE" }:
                return true;
            case ConfigScalar { Text: "false" or "False" or "FALSE" }:
                return false;
            default:
                Diagnostics.Error(KeyOf(name), $"is {value.Describe()}", "true or false");
                return fallback;
        }
    }

    /// <summary>One of a fixed set of words, case-sensitive as users write them in YAML.</summary>
    public T Choice<T>(string name, IReadOnlyDictionary<string, T> choices, T fallback, bool required = true)
    {
        var text = String(name, required);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        Diagnostics.Error(KeyOf(name), $"'{text}' is not a valid choice" + Suggestions.DidYouMean(text, choices.Keys), $"one of: {string.Join(", ", choices.Keys)}");
        return fallback;
    }

    public TimeSpan Duration(string name, bool required = true)
    {
        var text = String(name, required);
        if (text.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }

        Diagnostics.Error(KeyOf(name), $"'{text}' is not a duration", DurationParser.Expected);
        return TimeSpan.Zero;
    }

    public IPAddress Address(string name, bool required = true)
    {
        var text = String(name, required);
        if (text.Length == 0)
        {
            return IPAddress.None;
        }

        return ParseAddress(KeyOf(name), text, Diagnostics);
    }

    public IPNetwork Network(string name, bool required = true)
    {
        var text = String(name, required);
        if (text.Length == 0)
        {
            return new IPNetwork(IPAddress.None, 32);
        }

        // The canonical round-trip rejects host bits ("10.96.0.1/12") and short forms ("10/8").
        if (IPNetwork.TryParse(text, out var network)
            && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && network.ToString() == text)
        {
            return network;
        }

        Diagnostics.Error(KeyOf(name), $"'{text}' is not an IPv4 CIDR with its host bits clear", "a network such as 10.96.0.0/12");
        return new IPNetwork(IPAddress.None, 32);
    }

    public IReadOnlyList<string> StringList(string name, bool required = true)
    {
        var value = Take(name, ValueKind.StringList, required);
        return value is null ? [] : ToStringList(KeyOf(name), value);
    }

    public IReadOnlyList<int> IntegerList(string name, int min, int max, bool required = true)
    {
        var value = Take(name, ValueKind.StringList, required);
        if (value is null)
        {
            return [];
        }

        if (value is not ConfigSequence sequence)
        {
            WrongShape(name, value, "a list of numbers");
            return [];
        }

        var numbers = new List<int>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            numbers.Add(ToInteger(name, i, sequence.Items[i], min, max, fallback: min));
        }

        return numbers;
    }

    public SecretReference Secret(string name)
    {
        var value = Take(name, ValueKind.Secret, required: false);
        var key = KeyOf(name);
        switch (value)
        {
            case null or ConfigScalar { IsNull: true }:
                return new SecretReference(key, IsSet: false);
            case ConfigSecret:
                return new SecretReference(key, IsSet: true);
            default:
                // Never echo the value: it may be the secret itself.
                Diagnostics.Error(key, "is set in plain text", $"a secret: pulumi config set --secret {key} <value>");
                return new SecretReference(key, IsSet: false);
        }
    }

    /// <summary>A list of mappings, each read by <paramref name="readItem"/> with its own reader (unknown keys reported per item).</summary>
    public IReadOnlyList<T> MappingList<T>(string name, Func<MappingReader, T> readItem, bool required = true)
    {
        var value = Take(name, ValueKind.MappingList, required);
        if (value is null)
        {
            return [];
        }

        if (value is not ConfigSequence sequence)
        {
            WrongShape(name, value, "a list of mappings");
            return [];
        }

        var items = new List<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is not ConfigMapping mapping)
            {
                Diagnostics.Error($"{KeyOf(name)}[{i}]", $"is {sequence.Items[i].Describe()}", "a mapping");
                continue;
            }

            var reader = new MappingReader(this, name, i, mapping);
            items.Add(readItem(reader));
            reader.ReportUnknownKeys();
        }

        return items;
    }

    /// <summary>A mapping whose keys are data (tag → owners, node → duration), read entry by entry.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries(string name, bool required = true)
    {
        var value = Take(name, ValueKind.Mapping, required);
        switch (value)
        {
            case null or ConfigScalar { IsNull: true }:
                return [];
            case ConfigMapping mapping:
                return mapping.Entries;
            default:
                WrongShape(name, value, "a mapping");
                return [];
        }
    }

    /// <summary>Whether the mapping holds a non-empty value for <paramref name="name"/>.</summary>
    public bool IsSet(string name) =>
        TryGet(name, out var value) && value is not ConfigScalar { IsNull: true } && !(value is ConfigSequence { Items.Count: 0 });

    /// <summary>Reports every key present but never asked for.</summary>
    public void ReportUnknownKeys(Func<string, bool>? ignore = null)
    {
        // The top level's many keys are checked against a set of the reads; an item's few against the list itself.
        List<string> unknown;
        if (_byName is not null)
        {
            var askedSet = _reads.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            unknown = _byName.Keys.Where(key => !askedSet.Contains(key) && !(ignore?.Invoke(key) ?? false)).ToList();
        }
        else
        {
            unknown = [];
            foreach (var entry in _entries)
            {
                if (!WasAsked(entry.Key) && !(ignore?.Invoke(entry.Key) ?? false))
                {
                    unknown.Add(entry.Key);
                }
            }
        }

        if (unknown.Count == 0)
        {
            return;
        }

        var asked = _reads.Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var key in unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Diagnostics.Error(
                KeyOf(key),
                "unknown key" + (Suggestions.Closest(key, asked) is { } match ? $" (did you mean '{KeyOf(match)}'?)" : string.Empty),
                asked.Count <= 12 ? $"one of: {string.Join(", ", asked)}" : "a key declared in Pulumi.yaml");
        }
    }

    public static List<string> ToStringList(string key, ConfigValue value, DiagnosticBag diagnostics)
    {
        if (value is ConfigScalar { IsNull: true })
        {
            return [];
        }

        if (value is not ConfigSequence sequence)
        {
            diagnostics.Error(key, $"is {value.Describe()}", "a list of strings");
            return [];
        }

        var list = new List<string>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is ConfigScalar { IsNull: false } scalar)
            {
                // Kept even when refused: the item's key is in error, so later rules stay quiet about it,
                // while a rule about the list as a whole (say, "is empty") still sees it.
                if (ControlCharacterAt(scalar.Text, multiline: false) >= 0)
                {
                    Printable($"{key}[{i}]", scalar.Text, multiline: false, diagnostics);
                }

                list.Add(scalar.Text);
            }
            else
            {
                diagnostics.Error($"{key}[{i}]", $"is {sequence.Items[i].Describe()}", "a plain string");
            }
        }

        return list;
    }

    /// <summary>
    /// Refuses control characters (a NUL or an escape sequence has no place in a name, and breaks the files the
    /// value is rendered into); line breaks and tabs only where the value is multi-line text.
    /// </summary>
    public static bool Printable(string key, string text, bool multiline, DiagnosticBag diagnostics)
    {
        var index = ControlCharacterAt(text, multiline);
        if (index < 0)
        {
            return true;
        }

        var bad = text[index];
        diagnostics.Error(key, $"'{ConfigScalar.Printable(text)}' contains the control character U+{(int)bad:X4}", multiline ? "text with no control characters other than line breaks and tabs" : "printable text on one line");
        return false;
    }

    public static IPAddress ParseAddress(string key, string text, DiagnosticBag diagnostics)
    {
        // IPAddress.TryParse accepts "10" as 0.0.0.10; only a dotted quad that round-trips is an address here.
        if (IPAddress.TryParse(text, out var address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && address.ToString() == text)
        {
            return address;
        }

        diagnostics.Error(key, $"'{text}' is not an IPv4 address", "a dotted quad such as 10.96.0.10");
        return IPAddress.None;
    }

    private List<string> ToStringList(string key, ConfigValue value) => ToStringList(key, value, Diagnostics);

    /// <summary>Where the first refused control character of <paramref name="text"/> is, or -1.</summary>
    private static int ControlCharacterAt(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && !(multiline && text[i] is '\n' or '\r' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><see cref="Printable"/> for this reader's key <paramref name="name"/>, whose full name is only built for a report.</summary>
    private bool IsPrintable(string name, string text, bool multiline) =>
        ControlCharacterAt(text, multiline) < 0 || Printable(KeyOf(name), text, multiline, Diagnostics);

    private int ToInteger(string name, int? index, ConfigValue value, int min, int max, int fallback)
    {
        // Only a value in error needs its full key.
        string Key() => index is { } i ? $"{KeyOf(name)}[{i}]" : KeyOf(name);
        if (value is not ConfigScalar scalar || scalar.IsNull)
        {
            Diagnostics.Error(Key(), $"is {value.Describe()}", $"a whole number from {min} to {max}");
            return fallback;
        }

        if (!long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Diagnostics.Error(Key(), $"'{Shorten(scalar.Text)}' is not a whole number", $"a whole number from {min} to {max}");
            return fallback;
        }

        if (number < min || number > max)
        {
            Diagnostics.Error(Key(), $"{number} is out of range", $"a whole number from {min} to {max}");
            return fallback;
        }

        return (int)number;
    }

    private bool WasAsked(string key)
    {
        foreach (var read in _reads)
        {
            if (read.Name == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value under <paramref name="name"/>; in an item that repeats a key, the last one, as a YAML or JSON reader keeps it.</summary>
    private bool TryGet(string name, [NotNullWhen(true)] out ConfigValue? value)
    {
        if (_byName is not null)
        {
            return _byName.TryGetValue(name, out value);
        }

        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == name)
            {
                value = _entries[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    private ConfigValue? Take(string name, ValueKind kind, bool required)
    {
        _reads.Add((name, kind, required));
        // An empty value is no value: Pulumi.yaml gives the top-level keys some stacks leave unset an empty default.
        if (!TryGet(name, out var value) || (required && (value is ConfigScalar { IsNull: true } || (_parent is null && kind == ValueKind.StringList && value is ConfigSequence { Items.Count: 0 }))))
        {
            if (required)
            {
                Diagnostics.Error(KeyOf(name), "is missing", Describe(kind));
            }

            return null;
        }

        if (value is ConfigSecret && kind != ValueKind.Secret)
        {
            Diagnostics.Error(KeyOf(name), "is a secret (secure:) value", $"a plain value: {Describe(kind)}");
            return null;
        }

        return value;
    }

    private void WrongShape(string name, ConfigValue value, string expected) =>
        Diagnostics.Error(KeyOf(name), $"is {value.Describe()}", expected);

    private T WrongShape<T>(string name, ConfigValue value, string expected, T fallback)
    {
        WrongShape(name, value, expected);
        return fallback;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.String => "a value",
        ValueKind.Integer => "a whole number",
        ValueKind.Boolean => "true or false",
        ValueKind.StringList => "a list",
        ValueKind.Secret => "a secret",
        ValueKind.Mapping => "a mapping",
        _ => "a list of mappings",
    };
}
