using Tazlab.Components.VaultKubernetesAuth;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Contracts.RegisteredInputs;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What pulumi/pulumi-kubernetes v4.32.0 and the charts do with what the program registers (docs/provider-contracts.md,
/// Kubernetes): a provider whose kubeconfig is unknown is replaced with every object on it unless it has a fixed
/// cluster identifier; Helm keeps values no template reads without a word.
/// </summary>
public class KubernetesContractTests
{
    /// <summary>The values external-secrets chart 1.0.0 reads that the program sets (deploy/charts/external-secrets/values.yaml, helm-chart-1.0.0).</summary>
    private static readonly string[] ExternalSecretsChartReads = ["installCRDs", "serviceAccount"];

    [Theory]
    [InlineData("prod", "tazlab-prod-tazlab-")]
    [InlineData("dev", "tazlab-dev-tazlab-dev-")]
    public async Task The_cluster_provider_is_identified_by_the_clusters_generation_and_carries_every_kubernetes_object(string stack, string identifier)
    {
        var run = await ProgramRun.Of(stack);

        // Not by the kubeconfig (a renewal would replace every object), but by the health check, replaced with the bootstrap.
        var provider = Assert.Single(run.Mocks.OfType(KubernetesProvider));
        Assert.Equal(identifier + run.Mocks.Ids[(LocalCommand, "cluster-health")], provider.Inputs["clusterIdentifier"]);
        var objects = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Type != ConfigGroup).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Contains("pulumi:providers:kubernetes::cluster", o.Provider, StringComparison.Ordinal));
        // ConfigGroups are components the provider runs: they take it through `providers`.
        Assert.All(run.OfType(ConfigGroup), group => Assert.Contains(provider.Name!, ((Pulumi.ComponentResourceOptions)group.Options).Providers.Select(p => p.GetResourceName())));
    }

    [Fact]
    public async Task The_external_secrets_release_sets_only_values_its_chart_reads()
    {
        var run = await ProgramRun.Of("prod");

        var release = run.Mocks.Single(Release, VaultKubernetesAuth.ExternalSecretsChart);
        Assert.All(Object(release.Inputs["values"]).Keys, key => Assert.Contains(key, ExternalSecretsChartReads));
        // serviceAccount.name is what the chart names the controller's account (helpers: default fullname), and the
        // account ESO's Vault role binds: set, not left to the release name.
        Assert.Equal("external-secrets", Object(Object(release.Inputs["values"])["serviceAccount"])["name"]);
    }
}
