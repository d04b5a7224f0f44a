namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>A <c>#</c> comment line: says why a setting is what it is. The reader skips comments.</summary>
public sealed record HclComment(string Text) : HclNode;
