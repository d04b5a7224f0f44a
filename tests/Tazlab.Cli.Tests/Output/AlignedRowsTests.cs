using Tazlab.Cli.Output;

namespace Tazlab.Cli.Tests.Output;

public class AlignedRowsTests
{
    [Fact]
    public void Every_column_but_the_last_is_padded_to_its_widest_cell()
    {
        var writer = new StringWriter();
        var console = ConsoleFactory.For(writer);
        var longText = string.Join(' ', Enumerable.Repeat("word", 25));

        new AlignedRows("Check", "Result", "Rule")
            .Add(TextCell.Plain("TZ001"), new TextCell("pass", "[green]pass[/]"), TextCell.Plain("short"))
            .Add(TextCell.Plain("TZ0711"), new TextCell("skipped", "[grey]skipped[/]"), TextCell.Plain(longText))
            .Write(console);

        Assert.Equal(
            [
                "Check   Result   Rule",
                "TZ001   pass     short",
                $"TZ0711  skipped  {longText}",
                string.Empty,
            ],
            writer.ToString().Split('\n'));
    }

    [Fact]
    public void Markup_in_plain_cells_is_escaped()
    {
        var writer = new StringWriter();

        new AlignedRows("A", "B").Add(TextCell.Plain("[x]"), TextCell.Plain("[/]")).Write(ConsoleFactory.For(writer));

        Assert.Equal("A    B\n[x]  [/]\n", writer.ToString());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AlignedRows("A", "B").Add(TextCell.Plain("only one")));
    }
}
