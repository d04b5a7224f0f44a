namespace Tazlab.Stacks.Model;

public enum PartOwnership
{
    /// <summary>This stack creates and owns the part.</summary>
    Own,

    /// <summary>This stack reads the part from another stack's outputs.</summary>
    Reference,
}
