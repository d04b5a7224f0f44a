using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;

namespace Tazlab.Components.DeviceHygiene;

public sealed class DeviceHygieneArgs
{
    public required StackConfig Config { get; init; }

    /// <summary>The folder that holds Pulumi.yaml (and the tazlab CLI's project), relative to the program's folder.</summary>
    public required string ProjectRoot { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
