using Pulumi;
using Tazlab.Components.Secrets;
using Tazlab.EngineMocks;

namespace Tazlab.ProgramBenchmark;

/// <summary>Stack secrets as the program's tests supply them: a marked secret output per key the stack sets.</summary>
public sealed class MarkedSecrets(IReadOnlySet<string> keys) : IStackSecrets
{
    public Output<string> Require(string key) => Output.CreateSecret($"{ProviderAnswers.Marker}:{key}");

    public Output<string>? Get(string key) => keys.Contains(key) ? Require(key) : null;
}
