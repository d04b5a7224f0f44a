using System.Collections;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.ObjectFactories;
using YamlDotNet.Serialization.TypeResolvers;

namespace Tazlab.Blueprint.Rendering.Yaml;

/// <summary>
/// A YamlDotNet <see cref="StaticContext"/> for serialising only, with no reflection over unknown types: the
/// properties of each type come from <paramref name="properties"/> (which returns null for a type it does not
/// know). With it, <see cref="StaticSerializerBuilder"/> runs YamlDotNet's own serialiser (naming conventions,
/// attributes, converters, event emitters) exactly as <see cref="SerializerBuilder"/> does, but ahead-of-time safe.
/// </summary>
internal sealed class SerializationContext(Func<Type, IReadOnlyList<IPropertyDescriptor>?> properties) : StaticContext
{
    private readonly ITypeResolver resolver = new DynamicTypeResolver();
    private readonly Inspector inspector = new(properties);
    private readonly SerializeOnlyFactory factory = new();

    public override bool IsKnownType(Type type) => properties(type) is not null;

    public override ITypeResolver GetTypeResolver() => resolver;

    public override StaticObjectFactory GetFactory() => factory;

    public override ITypeInspector GetTypeInspector() => inspector;

    private sealed class Inspector(Func<Type, IReadOnlyList<IPropertyDescriptor>?> properties) : ITypeInspector
    {
        public IEnumerable<IPropertyDescriptor> GetProperties(Type type, object? container) =>
            properties(type) ?? throw new NotSupportedException($"{type.FullName} is not registered for YAML serialisation");

        public IPropertyDescriptor GetProperty(Type type, object? container, string name, bool ignoreUnmatched, bool caseInsensitivePropertyMatching) =>
            throw new NotSupportedException("this context only serialises");

        public string GetEnumName(Type enumType, string name) => name;

        public string GetEnumValue(object enumValue) => enumValue.ToString() ?? string.Empty;

        public bool HasParseMethod(Type type) => false;

        public object? Parse(string value, Type type) => throw new NotSupportedException("this context only serialises");
    }

    /// <summary>Classifies collections as YamlDotNet's reflection factory does; creates nothing.</summary>
    private sealed class SerializeOnlyFactory : StaticObjectFactory
    {
        public override object Create(Type type) => throw new NotSupportedException("this context only serialises");

        public override Array CreateArray(Type type, int count) => throw new NotSupportedException("this context only serialises");

        public override bool IsDictionary(Type type) => typeof(IDictionary).IsAssignableFrom(type);

        public override bool IsArray(Type type) => type.IsArray;

        public override bool IsList(Type type) => typeof(IList).IsAssignableFrom(type);

        public override Type GetKeyType(Type type) => GenericArgument(type, 0);

        public override Type GetValueType(Type type) =>
            type.IsArray ? type.GetElementType()! : GenericArgument(type, type.IsGenericType ? type.GetGenericArguments().Length - 1 : 0);

        public override void ExecuteOnDeserializing(object value)
        {
        }

        public override void ExecuteOnDeserialized(object value)
        {
        }

        public override void ExecuteOnSerializing(object value)
        {
        }

        public override void ExecuteOnSerialized(object value)
        {
        }

        private static Type GenericArgument(Type type, int index) =>
            type.IsGenericType && type.GetGenericArguments().Length > index ? type.GetGenericArguments()[index] : typeof(object);
    }
}
