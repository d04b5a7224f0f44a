using System.Collections.Immutable;
using Pulumi.Testing;

namespace Tazlab.EngineMocks;

/// <summary>What a test changes in the providers' answers: outputs a resource reports, or a resource that fails to create.</summary>
/// <param name="Outputs">Outputs laid over the usual ones for a registration (e.g. a renewed certificate's PEM).</param>
/// <param name="Fails">Registrations whose creation fails, as a provider error would.</param>
public sealed record MockChanges(
    Func<MockResourceArgs, ImmutableDictionary<string, object>?>? Outputs = null,
    Func<MockResourceArgs, bool>? Fails = null);
