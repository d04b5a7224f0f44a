namespace Tazlab.Cli.Output;

/// <summary>One cell of <see cref="AlignedRows"/>: its plain text (which sets the column's width) and the markup written.</summary>
/// <param name="Text">The text as it appears on screen.</param>
/// <param name="Markup">Spectre markup showing <paramref name="Text"/>, e.g. in a colour.</param>
public readonly record struct TextCell(string Text, string Markup)
{
    /// <summary>A cell of plain text, escaped for markup.</summary>
    public static TextCell Plain(string text) => new(text, Spectre.Console.Markup.Escape(text));
}
