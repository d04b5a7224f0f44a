namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

public sealed record HclNumber(long Value) : HclValue;
