using System.Text;
using Spectre.Console;

namespace Tazlab.Cli.Output;

/// <summary>
/// A header and rows written a line each, every column but the last padded to its widest cell: a row per line reads
/// well in a terminal and greps well in a CI log (a line wider than the console still wraps, as any text does). Not a
/// Spectre <c>Table</c>: its layout measures every cell rune by rune on each pass (Spectre.Console 0.57 allocates an
/// array per measure), which cost a fifth of the native <c>plan</c>'s run time. The padded columns hold short ASCII
/// identifiers (rule ids, results, phase numbers), so their length is their width.
/// </summary>
public sealed class AlignedRows(params string[] headers)
{
    private const int Gap = 2;
    private readonly List<TextCell[]> rows = [];

    public AlignedRows Add(params TextCell[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row has {headers.Length} cells, not {cells.Length}", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    public void Write(IAnsiConsole console)
    {
        var widths = new int[headers.Length];
        for (var column = 0; column < headers.Length - 1; column++)
        {
            widths[column] = rows.Select(r => r[column].Text.Length).Append(headers[column].Length).Max();
        }

        console.MarkupLine(Line(headers.Select(h => new TextCell(h, $"[bold]{Markup.Escape(h)}[/]")).ToArray(), widths));
        foreach (var row in rows)
        {
            console.MarkupLine(Line(row, widths));
        }
    }

    private static string Line(TextCell[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var column = 0; column < cells.Length; column++)
        {
            line.Append(cells[column].Markup);
            if (column < cells.Length - 1)
            {
                line.Append(' ', widths[column] - cells[column].Text.Length + Gap);
            }
        }

        return line.ToString();
    }
}
