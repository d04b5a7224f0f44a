namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary><c>name = value</c> (HCL calls it an attribute; Terraform, an argument).</summary>
public sealed record HclArgument(string Name, HclValue Value) : HclNode;
