using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation;

namespace Tazlab.Stacks.Loading;

/// <summary>The outcome of loading one stack: the model when valid, and every diagnostic either way.</summary>
public sealed record StackLoadResult(StackConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Config is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
