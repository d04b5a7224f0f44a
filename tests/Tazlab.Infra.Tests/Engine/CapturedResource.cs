using Pulumi;

using Tazlab.Components.Tests;

namespace Tazlab.Infra.Tests.Engine;

/// <summary>A resource as the program created it: its arguments and options, before the engine saw it.</summary>
public sealed record CapturedResource(Resource Resource, ResourceArgs Args, ResourceOptions Options)
{
    public string Name => Resource.GetResourceName();

    public string Type => Resource.GetResourceType();

    public async Task<IReadOnlyList<Resource>> DependsOnAsync() => await OutputValue.Of<System.Collections.Immutable.ImmutableArray<Resource>>(Options.DependsOn);

    public async Task<IReadOnlyList<Resource>> ReplaceWithAsync() => await OutputValue.Of<System.Collections.Immutable.ImmutableArray<Resource>>(Options.ReplaceWith);

    /// <summary>The options as a custom resource's (DeleteBeforeReplace, AdditionalSecretOutputs).</summary>
    public CustomResourceOptions Custom => Options as CustomResourceOptions ?? throw new InvalidOperationException($"{Type} {Name} is not a custom resource.");
}
