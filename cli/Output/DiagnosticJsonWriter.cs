using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tazlab.Stacks.Validation;

namespace Tazlab.Cli.Output;

/// <summary>
/// With <c>--format json</c>, configuration problems as one JSON document on stdout (the lines still go to stderr), so
/// a tool that reads plan.json from stdout gets an answer it can parse when there is no plan.
/// </summary>
public static class DiagnosticJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter writer, string stack, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("stack", stack);
            json.WriteString("status", "invalid-configuration");
            Section(json, "errors", diagnostics.Where(d => d.Severity == Severity.Error));
            Section(json, "warnings", diagnostics.Where(d => d.Severity == Severity.Warning));
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Section(Utf8JsonWriter json, string name, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("key", diagnostic.Key);
            json.WriteString("problem", diagnostic.Problem);
            json.WriteString("expected", diagnostic.Expected);
            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
