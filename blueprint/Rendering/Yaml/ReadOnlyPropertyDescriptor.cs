using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.Yaml;

/// <summary>
/// A readable property as YamlDotNet's reflection inspector describes it (name, declared type, attributes),
/// read through <paramref name="read"/>. <paramref name="member"/> answers attribute queries unless
/// <paramref name="yamlMember"/> replaces its <see cref="YamlMemberAttribute"/>.
/// </summary>
internal sealed class ReadOnlyPropertyDescriptor(string name, Type type, Func<object, object?> read, MemberInfo? member, YamlMemberAttribute? yamlMember = null) : IPropertyDescriptor
{
    private static readonly ITypeResolver Resolver = new YamlDotNet.Serialization.TypeResolvers.DynamicTypeResolver();

    /// <summary>The properties YamlDotNet's reflection inspector lists for <paramref name="type"/>, in its order.</summary>
    public static IEnumerable<PropertyInfo> ReadableProperties([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    public string Name => name;

    public bool AllowNulls => true;

    public bool CanWrite => false;

    public Type Type => type;

    public Type? TypeOverride { get; set; }

    public int Order { get; set; }

    public ScalarStyle ScalarStyle { get; set; } = ScalarStyle.Any;

    public bool Required => false;

    public Type? ConverterType => null;

    public T? GetCustomAttribute<T>() where T : Attribute =>
        yamlMember is not null && typeof(T) == typeof(YamlMemberAttribute) ? (T)(Attribute)yamlMember : member?.GetCustomAttribute<T>(inherit: true);

    public IObjectDescriptor Read(object target)
    {
        var value = read(target);
        return new ObjectDescriptor(value, TypeOverride ?? Resolver.Resolve(type, value), type, ScalarStyle);
    }

    public void Write(object target, object? value) => throw new NotSupportedException("this context only serialises");
}
