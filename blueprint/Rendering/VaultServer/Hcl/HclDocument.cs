namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>A whole HCL file: its top-level body.</summary>
public sealed record HclDocument(IReadOnlyList<HclNode> Body)
{
    public IEnumerable<HclBlock> Blocks(string type) => Body.OfType<HclBlock>().Where(b => b.Type == type);

    public HclValue? Argument(string name) => ArgumentOf(Body, name);

    internal static HclValue? ArgumentOf(IReadOnlyList<HclNode> body, string name) =>
        body.OfType<HclArgument>().LastOrDefault(a => a.Name == name)?.Value;
}
