using System.Globalization;
using System.Text;

namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>
/// Reads the HCL subset <see cref="HclWriter"/> writes (attributes, labelled blocks, strings, numbers, bools,
/// lists, comments) back into an <see cref="HclDocument"/>, so checks inspect the text that is shipped.
/// Anything outside the subset — an interpolation, a function call — is a <see cref="FormatException"/>:
/// a check must never pass because it could not read a file.
/// </summary>
public sealed class HclReader
{
    private readonly string _text;
    private int _position;

    private HclReader(string text) => _text = text;

    public static HclDocument Read(string text)
    {
        var reader = new HclReader(text);
        var body = reader.ReadBody(closing: false);
        return new HclDocument(body);
    }

    private List<HclNode> ReadBody(bool closing)
    {
        var body = new List<HclNode>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                if (closing)
                {
                    throw Error("missing '}'");
                }

                return body;
            }

            if (Peek == '}')
            {
                if (!closing)
                {
                    throw Error("unexpected '}'");
                }

                _position++;
                return body;
            }

            var name = ReadIdentifier();
            SkipTrivia();
            if (Peek == '=')
            {
                _position++;
                body.Add(new HclArgument(name, ReadValue()));
                continue;
            }

            var labels = new List<string>();
            while (true)
            {
                SkipTrivia();
                if (Peek == '"')
                {
                    labels.Add(ReadString());
                }
                else if (Peek == '{')
                {
                    _position++;
                    break;
                }
                else
                {
                    throw Error($"expected '=', a label or '{{' after '{name}'");
                }
            }

            body.Add(new HclBlock(name, labels, ReadBody(closing: true)));
        }
    }

    private HclValue ReadValue()
    {
        SkipTrivia();
        if (AtEnd)
        {
            throw Error("missing value");
        }

        var c = Peek;
        if (c == '"')
        {
            return new HclString(ReadString());
        }

        if (c == '[')
        {
            _position++;
            var items = new List<HclValue>();
            while (true)
            {
                SkipTrivia();
                if (Peek == ']')
                {
                    _position++;
                    return new HclList(items);
                }

                items.Add(ReadValue());
                SkipTrivia();
                if (Peek == ',')
                {
                    _position++;
                }
                else if (Peek != ']')
                {
                    throw Error("expected ',' or ']' in a list");
                }
            }
        }

        if (c == '{')
        {
            _position++;
            var entries = new List<KeyValuePair<string, HclValue>>();
            while (true)
            {
                SkipTrivia();
                if (Peek == '}')
                {
                    _position++;
                    return new HclObject(entries);
                }

                var key = Peek == '"' ? ReadString() : ReadIdentifier();
                SkipTrivia();
                if (Peek != '=')
                {
                    throw Error($"expected '=' after '{key}' in an object");
                }

                _position++;
                entries.Add(new(key, ReadValue()));
                SkipTrivia();
                if (Peek == ',')
                {
                    _position++;
                }
            }
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = _position++;
            while (!AtEnd && char.IsAsciiDigit(Peek))
            {
                _position++;
            }

            return new HclNumber(long.Parse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        var word = ReadIdentifier();
        return word switch
        {
            "true" => new HclBool(true),
            "false" => new HclBool(false),
            _ => throw Error($"'{word}' is an expression, not a literal"),
        };
    }

    private string ReadString()
    {
        _position++; // opening quote
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek == '\n')
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    return value.ToString();
                case '\\':
                    if (AtEnd)
                    {
                        throw Error("unterminated escape");
                    }

                    var escaped = _text[_position++];
                    switch (escaped)
                    {
                        case '\\': value.Append('\\'); break;
                        case '"': value.Append('"'); break;
                        case 'n': value.Append('\n'); break;
                        case 'r': value.Append('\r'); break;
                        case 't': value.Append('\t'); break;
                        case 'u' when _position + 4 <= _text.Length:
                            value.Append((char)int.Parse(_text.AsSpan(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            _position += 4;
                            break;
                        default: throw Error($"unknown escape '\\{escaped}'");
                    }

                    break;
                case '$' or '%' when !AtEnd && Peek == c && _position + 1 < _text.Length && _text[_position + 1] == '{':
                    // $${ and %%{ are the escaped, literal forms.
                    value.Append(c).Append('{');
                    _position += 2;
                    break;
                case '$' or '%' when !AtEnd && Peek == '{':
                    throw Error("interpolation or template directive in a string");
                default:
                    value.Append(c);
                    break;
            }
        }
    }

    private string ReadIdentifier()
    {
        var start = _position;
        if (AtEnd || !(char.IsAsciiLetter(Peek) || Peek == '_'))
        {
            throw Error(AtEnd ? "unexpected end of file" : $"unexpected '{Peek}'");
        }

        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '_' or '-'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Peek;
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '#' || (c == '/' && Next == '/'))
            {
                while (!AtEnd && Peek != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Next == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("unterminated comment");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek => _text[_position];

    private char Next => _position + 1 < _text.Length ? _text[_position + 1] : '\0';

    private FormatException Error(string message)
    {
        var line = 1 + _text.AsSpan(0, Math.Min(_position, _text.Length)).Count('\n');
        return new FormatException($"HCL line {line}: {message}");
    }
}
