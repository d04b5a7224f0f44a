using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi;

namespace Tazlab.Infra.Tests.Engine;

/// <summary>
/// The resources a resource waits for before the Pulumi .NET SDK registers it (pulumi/pulumi-dotnet v3.112.1,
/// sdk/Pulumi/Deployment/Deployment_Prepare.cs <c>PrepareResourceAsync</c> and Deployment_RegisterResource.cs
/// <c>CreateRegisterResourceRequest</c>): its <c>DependsOn</c>, the resources behind every output among its inputs
/// (found the way the SDK finds them: its own serializer), its provider, and the resources whose URNs it sends -
/// <c>ReplaceWith</c>, <c>DeletedWith</c> and a custom parent, whose URN is known only once it exists. A component
/// resource among them stands for the custom resources beneath it, a remote one (a ConfigGroup, built by its provider)
/// for itself. The engine mocks never see these, so they are read from the SDK's internals by reflection; a member that
/// is not found fails the test loudly rather than finding no dependency.
/// </summary>
public static class SentDependencies
{
    private static readonly Assembly Sdk = typeof(Resource).Assembly;

    private static readonly MethodInfo ToDictionaryAsync = typeof(ResourceArgs).GetMethod("ToDictionaryAsync", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw Missing("InputArgs.ToDictionaryAsync()");

    private static readonly Type SerializerType = Sdk.GetType("Pulumi.Serialization.Serializer") ?? throw Missing("Pulumi.Serialization.Serializer");

    private static readonly MethodInfo SerializeAsync = SerializerType.GetMethod("SerializeAsync", [typeof(string), typeof(object), typeof(bool), typeof(bool), typeof(bool)])
        ?? throw Missing("Serializer.SerializeAsync(string, object, bool, bool, bool)");

    private static readonly FieldInfo DependentResources = SerializerType.GetField("DependentResources") ?? throw Missing("Serializer.DependentResources");

    private static readonly PropertyInfo ChildResources = typeof(Resource).GetProperty("ChildResources", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw Missing("Resource.ChildResources");

    private static readonly FieldInfo ProviderField = typeof(Resource).GetField("_provider", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw Missing("Resource._provider");

    private static readonly FieldInfo Remote = typeof(ComponentResource).GetField("remote", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw Missing("ComponentResource.remote");

    private static readonly MethodInfo GetProvider = typeof(Resource).GetMethod("GetProvider", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(string)])
        ?? throw Missing("Resource.GetProvider(string)");

    /// <summary>What <paramref name="captured"/> waits for, by the way it came.</summary>
    public static async Task<Dependencies> OfAsync(CapturedResource captured)
    {
        var explicitOnes = Customs(await captured.DependsOnAsync());
        var inputs = Customs(await InputResourcesAsync(captured.Args));
        inputs.Remove(captured.Resource);
        // A custom resource's own provider; a component's, such as a remote ConfigGroup, is the one for its package.
        var provider = (captured.Resource is CustomResource ? ProviderField.GetValue(captured.Resource) : GetProvider.Invoke(captured.Resource, [captured.Type])) as ProviderResource;
        var named = await captured.ReplaceWithAsync();
        if (captured.Options.DeletedWith is { } deletedWith)
        {
            named = [.. named, deletedWith];
        }

        if (captured.Options.Parent is CustomResource parent)
        {
            named = [.. named, parent];
        }

        return new Dependencies(explicitOnes, inputs, provider, Customs(named));
    }

    private static async Task<IReadOnlyCollection<Resource>> InputResourcesAsync(ResourceArgs args)
    {
        var dictionary = await (Task<ImmutableDictionary<string, object?>>)ToDictionaryAsync.Invoke(args, null)!;
        var found = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        foreach (var (name, value) in dictionary)
        {
            var serializer = Activator.CreateInstance(SerializerType, [false])!;
            await (Task)SerializeAsync.Invoke(serializer, [name, value, true, false, false])!;
            foreach (var resource in (IEnumerable)DependentResources.GetValue(serializer)!)
            {
                found.Add((Resource)resource);
            }
        }

        return found;
    }

    /// <summary>
    /// Component resources replaced by the custom resources beneath them, as the SDK expands them for the engine. A remote
    /// component's children are its provider's, unknown here: it stands for itself, and its URN waits for all of them.
    /// </summary>
    private static HashSet<Resource> Customs(IEnumerable<Resource> resources)
    {
        var result = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Resource>(resources);
        var seen = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var resource))
        {
            if (!seen.Add(resource))
            {
                continue;
            }

            if (resource is ComponentResource && !(bool)Remote.GetValue(resource)!)
            {
                var children = (HashSet<Resource>)ChildResources.GetValue(resource)!;
                lock (children)
                {
                    foreach (var child in children)
                    {
                        pending.Push(child);
                    }
                }
            }
            else
            {
                result.Add(resource);
            }
        }

        return result;
    }

    private static InvalidOperationException Missing(string member) =>
        new($"The Pulumi SDK has no {member}: SentDependencies reads the SDK's internals at the pinned version and must be updated with it.");

    /// <summary>A resource's dependencies, by how they arise.</summary>
    /// <param name="Named">The resources named by URN in its registration: ReplaceWith, DeletedWith, a custom parent.</param>
    public sealed record Dependencies(IReadOnlySet<Resource> Explicit, IReadOnlySet<Resource> Inputs, ProviderResource? Provider, IReadOnlySet<Resource> Named)
    {
        public IEnumerable<(Resource Resource, string How)> All() =>
            Explicit.Select(r => (r, "DependsOn"))
                .Concat(Inputs.Select(r => (r, "an input")))
                .Concat(Provider is null ? [] : [((Resource)Provider, "its provider")])
                .Concat(Named.Select(r => (r, "ReplaceWith, DeletedWith or parent")));
    }
}
