namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>An HCL literal value: string, number, bool or list (the subset Vault's files use).</summary>
public abstract record HclValue;
