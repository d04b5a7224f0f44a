using Spectre.Console;

namespace Tazlab.Cli.Output;

/// <summary>
/// A Spectre console over a writer: colours and wrapping only on a real terminal. Piped or captured, a line is one line
/// however long, so line-based tools (grep, CI logs) see each message whole.
/// </summary>
public static class ConsoleFactory
{
    /// <summary>Wider than any line the tool writes: Spectre wraps at the profile's width.</summary>
    public const int NoWrapWidth = 1_000_000;

    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = NoWrapWidth;
        }

        return console;
    }
}
