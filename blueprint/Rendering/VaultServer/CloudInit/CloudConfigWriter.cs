using Tazlab.Blueprint.Rendering.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>Writes a <see cref="CloudConfig"/> with YamlDotNet; the first line is the <c>#cloud-config</c> marker cloud-init requires.</summary>
public static class CloudConfigWriter
{
    public const string Header = "#cloud-config";

    private static readonly ISerializer Serializer = new StaticSerializerBuilder(new RecordTypes()
            .Add<CloudConfig>()
            .Add<CloudConfigUser>()
            .Add<CloudConfigFile>()
            .Context())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithTypeConverter(new ShellCommandYamlConverter())
        .WithEventEmitter(next => new LiteralBlockEventEmitter(next))
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Write(CloudConfig config) => Header + "\n" + Serializer.Serialize(config);
}
