namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>One item of an HCL body: an attribute, a block or a comment.</summary>
public abstract record HclNode;
