using Pulumi;

namespace Tazlab.Infra.Tests.Engine;

/// <summary>
/// The stack a test deploys: the real program, with a stack transformation that records every resource's
/// arguments and options (what the engine mocks cannot see: DependsOn, Protect, IgnoreChanges, secret inputs).
/// </summary>
public sealed class ProgramUnderTest : Pulumi.Stack
{
    /// <summary>The run in progress; tests run one deployment at a time (see AssemblyInfo).</summary>
    internal static ProgramRun? Current { get; set; }

    public ProgramUnderTest()
        : base(new StackOptions { ResourceTransformations = { Record } })
    {
        var run = Current ?? throw new InvalidOperationException("No ProgramRun is in progress.");
        run.Deployment = PlatformProgram.Deploy(run.Inputs);
    }

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        Current?.Captured.Add(new CapturedResource(args.Resource, args.Args, args.Options));
        return null;
    }
}
