namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary><c>type "label" … { body }</c>, e.g. <c>listener "tcp" { … }</c>.</summary>
public sealed record HclBlock(string Type, IReadOnlyList<string> Labels, IReadOnlyList<HclNode> Body) : HclNode
{
    /// <summary>The argument called <paramref name="name"/>, if the block has one.</summary>
    public HclValue? Argument(string name) => HclDocument.ArgumentOf(Body, name);
}
