using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Validation;

namespace Tazlab.Stacks.Tests;

/// <summary>Every configuration message is a Diagnostic: whatever a rule puts in it, it prints as one line.</summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u202e")]
    [InlineData("\u001b[31m")]
    public void Key_problem_and_expected_are_escaped_whatever_the_rule_put_in_them(string raw)
    {
        var d = new Diagnostic(Severity.Error, $"tazlab:tagOwners.tag:a{raw}", $"'{raw}' is bad", $"not{raw}this");

        foreach (var c in d.ToString())
        {
            Assert.False(char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Format, $"U+{(int)c:X4} in {d}");
        }

        Assert.Contains($"\\u{(int)raw[0]:x4}", d.Key, StringComparison.Ordinal);
        Assert.Contains($"\\u{(int)raw[0]:x4}", d.Problem, StringComparison.Ordinal);
        Assert.Contains($"\\u{(int)raw[0]:x4}", d.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaping_what_is_already_escaped_changes_nothing()
    {
        var once = ConfigScalar.Printable("a\nb\u2028c");

        Assert.Equal("a\\u000ab\\u2028c", once);
        Assert.Equal(once, ConfigScalar.Escape(once));
        Assert.Equal(once, new Diagnostic(Severity.Error, "k", once, "e").Problem);
    }

    [Fact]
    public void Printable_cuts_long_values_and_escape_does_not()
    {
        var text = new string('a', 100);

        Assert.Equal(new string('a', 60) + "…", ConfigScalar.Printable(text));
        Assert.Equal(text, ConfigScalar.Escape(text));
    }
}
