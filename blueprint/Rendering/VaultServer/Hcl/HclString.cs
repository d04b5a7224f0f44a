namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>A quoted string, taken literally (the writer escapes interpolation markers).</summary>
public sealed record HclString(string Value) : HclValue;
