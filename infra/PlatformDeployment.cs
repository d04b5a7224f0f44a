using Tazlab.Blueprint.Planning;
using Tazlab.Components.Wiring;

namespace Tazlab.Infra;

/// <summary>What one run of the program registered: the plan it follows, the graph nodes' resources, and the stack outputs.</summary>
public sealed record PlatformDeployment(Plan Plan, PlatformWiring Wiring, IDictionary<string, object?> Outputs);
