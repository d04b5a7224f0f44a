using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tazlab.Blueprint.Rendering.Kubernetes;

/// <summary>
/// Writes typed Kubernetes objects (KubernetesClient models) as one multi-document YAML file, byte for byte as
/// KubernetesClient's own YAML serialiser does, but over explicitly registered models (<see cref="KubernetesYamlContext"/>):
/// no type is discovered by reflection, so it runs the same in a Native AOT build, which keeps only those models' metadata.
/// </summary>
public static class KubernetesManifests
{
    private static readonly IValueSerializer Serializer = new StaticSerializerBuilder(KubernetesYamlContext.Create())
        .DisableAliases()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new KubernetesScalarConverter())
        .WithEventEmitter(next => new KubernetesScalarStyleEmitter(next))
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .BuildValueSerializer();

    public static string Write(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => Normalise(Serialize(o))));

    /// <summary>Reads a multi-document file back into typed objects (for tests and checks).</summary>
    public static IReadOnlyList<object> Read(string yaml) => KubernetesManifestReader.Read(yaml);

    private static string Serialize(object value)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            var emitter = new Emitter(writer);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            Serializer.SerializeValue(emitter, value, value.GetType());
        }

        return text.ToString();
    }

    private static string Normalise(string document) => document.EndsWith('\n') ? document : document + "\n";
}
