using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.TestSupport;

namespace Tazlab.TailnetApi.Tests;

/// <summary>The repository's committed stacks, loaded once: device names and tags come from them, not from the tests.</summary>
internal static class Stacks
{
    private static readonly Lazy<StackConfig> ProdConfig = new(() => Load("prod"));
    private static readonly Lazy<StackConfig> DevConfig = new(() => Load("dev"));

    public static StackConfig Prod => ProdConfig.Value;

    public static StackConfig Dev => DevConfig.Value;

    private static StackConfig Load(string stack) =>
        StackLoader.Load(RepoPaths.Root, stack).Config ?? throw new InvalidOperationException($"the committed {stack} stack does not load");
}
