using Tazlab.Benchmarks;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Repository.Tests;

/// <summary>
/// The estates the benchmarks measure stay valid stacks as the configuration grows rules, and the 10× estate stays ten
/// times prod: a benchmark of an estate the program refuses measures nothing.
/// </summary>
public class BenchmarkEstateTests
{
    [Theory]
    [InlineData(Estates.Prod)]
    [InlineData(Estates.Dev)]
    [InlineData(Estates.TenTimes)]
    public void Every_estate_validates_and_runs_the_whole_offline_pipeline(string estate)
    {
        var bag = new DiagnosticBag();

        var config = StackLoader.Validate(Estates.Source(estate, RepoPaths.Root), bag);

        Assert.True(config is not null, string.Join("\n", bag.Items));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.NotEmpty(OfflinePipeline.Run(Estates.Source(estate, RepoPaths.Root)).Files);
    }

    [Fact]
    public void The_ten_times_estate_has_ten_times_prods_nodes_and_access_intents_and_ten_jwt_roles()
    {
        var prod = StackLoader.Validate(Estates.Source(Estates.Prod, RepoPaths.Root), new DiagnosticBag())!;
        var tenTimes = StackLoader.Validate(Estates.Source(Estates.TenTimes, RepoPaths.Root), new DiagnosticBag())!;

        Assert.Equal(prod.Talos.Nodes.Count * 10, tenTimes.Talos.Nodes.Count);
        Assert.Equal(prod.Tailnet.AccessIntents.Count * 10, tenTimes.Tailnet.AccessIntents.Count);
        Assert.Equal(10, tenTimes.VaultAuth.Roles.Count);
        Assert.Equal(prod.StackName, tenTimes.StackName);
    }
}
