using System.Globalization;
using System.Text.RegularExpressions;

namespace Tazlab.Fuzzing;

/// <summary>
/// Judges one run of <c>plan</c> by what the README promises: exit 0, 1 or 2; on 2 every line is
/// <c>key: problem; expected …</c> (or the closing count) and nothing is written; on 0 and 1 the plan is written;
/// never a stack trace; never an unescaped control character or line separator.
/// </summary>
public static partial class OutputOracle
{
    public static (FuzzVerdict Verdict, string Detail) Judge(int exitCode, string stdout, string stderr, bool outputWritten, bool planWritten)
    {
        if (stderr.Contains("   at ", StringComparison.Ordinal) || stderr.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return (FuzzVerdict.Crash, FirstLine(stderr));
        }

        if (FirstUnescaped(stdout + stderr) is { } c)
        {
            return (FuzzVerdict.UnescapedText, $"U+{(int)c:X4} in the output");
        }

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        switch (exitCode)
        {
            case 2:
                if (outputWritten)
                {
                    return (FuzzVerdict.WroteOnRefusal, FirstLine(stderr));
                }

                if (lines.Length == 0)
                {
                    return (FuzzVerdict.UnkeyedMessage, "exit 2 with nothing on stderr");
                }

                foreach (var line in lines)
                {
                    if (!IsKeyed(line) && !CountLine().IsMatch(line))
                    {
                        return (FuzzVerdict.UnkeyedMessage, line);
                    }
                }

                return (FuzzVerdict.Refused, FirstKey(lines[0]));
            case 0 or 1:
                if (!planWritten)
                {
                    return (FuzzVerdict.WrongExit, $"exit {exitCode} without plan.json");
                }

                foreach (var line in lines)
                {
                    if (!line.StartsWith("warning: ", StringComparison.Ordinal) || !IsKeyed(line))
                    {
                        return (FuzzVerdict.UnkeyedMessage, line);
                    }
                }

                return (exitCode == 0 ? FuzzVerdict.Planned : FuzzVerdict.SafetyFailed, string.Empty);
            default:
                return (FuzzVerdict.WrongExit, $"exit {exitCode.ToString(CultureInfo.InvariantCulture)}: {FirstLine(stderr)}");
        }
    }

    /// <summary><c>[warning: ]key: problem; expected valid</c>, with a key that is not empty.</summary>
    public static bool IsKeyed(string line)
    {
        var text = line.StartsWith("warning: ", StringComparison.Ordinal) ? line["warning: ".Length..] : line;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !char.IsWhiteSpace(text[0]) && text.IndexOf("; expected ", colon, StringComparison.Ordinal) > colon;
    }

    /// <summary>The key a refusal names first, without item indexes and file positions: the part of the configuration it is about.</summary>
    private static string FirstKey(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return Position().Replace(colon > 0 ? line[..colon] : line, string.Empty);
    }

    private static char? FirstUnescaped(string text)
    {
        foreach (var c in text)
        {
            if (c is '\n')
            {
                continue;
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
            {
                return c;
            }
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    [GeneratedRegex("(\\[[0-9]+\\])|(:[0-9]+:[0-9]+$)")]
    private static partial Regex Position();

    [GeneratedRegex("^[0-9]+ configuration errors?; nothing was written\\.$")]
    private static partial Regex CountLine();
}
