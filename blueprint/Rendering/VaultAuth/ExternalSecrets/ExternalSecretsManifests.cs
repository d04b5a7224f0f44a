using Tazlab.Blueprint.Rendering.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>Writes External Secrets objects with YamlDotNet, field names in the CRD's camelCase.</summary>
public static class ExternalSecretsManifests
{
    private static readonly ISerializer Serializer = new StaticSerializerBuilder(new RecordTypes()
            .Add<ClusterSecretStore>()
            .Add<ManifestMetadata>()
            .Add<ClusterSecretStoreSpec>()
            .Add<SecretStoreProvider>()
            .Add<VaultProvider>()
            .Add<VaultProviderAuth>()
            .Add<VaultJwtAuth>()
            .Add<ServiceAccountTokenSource>()
            .Add<ServiceAccountSelector>()
            .Context())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Write(ClusterSecretStore store) => Serializer.Serialize(store);
}
