using Tazlab.Stacks.Validation;

namespace Tazlab.Cli.Output;

/// <summary>Prints configuration problems one per line, errors first, then a count.</summary>
public static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
        {
            writer.WriteLine(diagnostic.ToString());
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Warning))
        {
            writer.WriteLine(diagnostic.ToString());
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0)
        {
            writer.WriteLine($"{errors} configuration {(errors == 1 ? "error" : "errors")}; nothing was written.");
        }
    }
}
