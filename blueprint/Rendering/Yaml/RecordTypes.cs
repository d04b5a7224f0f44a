using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Yaml;

/// <summary>
/// The blueprint's own records, registered one by one so their public properties are kept for reading
/// (ahead-of-time safe): the properties YamlDotNet's reflection inspector would list, in the same order.
/// </summary>
internal sealed class RecordTypes
{
    private readonly Dictionary<Type, IReadOnlyList<IPropertyDescriptor>> types = [];

    public RecordTypes Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
    {
        types[typeof(T)] = ReadOnlyPropertyDescriptor.ReadableProperties(typeof(T))
            .Select(p => (IPropertyDescriptor)new ReadOnlyPropertyDescriptor(p.Name, p.PropertyType, p.GetValue, p))
            .ToList();
        return this;
    }

    public SerializationContext Context() => new(type => types.GetValueOrDefault(type));
}
