namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

public sealed record HclBool(bool Value) : HclValue;
