using System.Globalization;
using System.Text.RegularExpressions;
using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Validation.PulumiCli;

/// <summary>
/// How the Pulumi CLI's YAML decoder (go-yaml v3, YAML 1.2's core schema) types a scalar, which decides whether a
/// stack value passes the CLI's type check: a list item written <c>8200</c> is a number, not a string. Quoted and
/// block scalars are always strings. Source: go-yaml v3 <c>resolve.go</c> (null, booleans, integers of any base
/// with '_' separators, floats, .inf/.nan).
/// </summary>
public static partial class YamlScalarResolver
{
    public static YamlScalarKind Resolve(ConfigScalar scalar)
    {
        if (scalar.Quoted)
        {
            return YamlScalarKind.String;
        }

        var text = scalar.Text;
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return YamlScalarKind.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return YamlScalarKind.Boolean;
        }

        if (IsInteger(text))
        {
            return YamlScalarKind.Integer;
        }

        return FloatPattern().IsMatch(text) || text is ".inf" or ".Inf" or ".INF" or "-.inf" or "-.Inf" or "-.INF" or "+.inf" or "+.Inf" or "+.INF" or ".nan" or ".NaN" or ".NAN"
            ? YamlScalarKind.Float
            : YamlScalarKind.String;
    }

    /// <summary>Go's <c>strconv.Atoi</c>: an optional sign and decimal digits, within 64 bits.</summary>
    public static bool IsAtoiInteger(string text) =>
        AtoiPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static bool IsInteger(string text)
    {
        // go-yaml drops '_' and parses with base 0: decimal, 0x, 0o, 0b (and a leading 0 for octal).
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        return IntegerPattern().IsMatch(plain);
    }

    [GeneratedRegex("^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex AtoiPattern();
}
