namespace Tazlab.Blueprint.Graph;

/// <summary>What a graph node is in the Pulumi program, which decides how the orders through it are kept.</summary>
public enum NodeRealisation
{
    /// <summary>Resources the program registers: every order into the node is a <c>DependsOn</c> on them.</summary>
    Resources,

    /// <summary>
    /// A state the platform reaches (Vault answering on the tailnet, a name resolving) with no resource of its own:
    /// orders pass through it, so what depends on it depends on the resources behind it.
    /// </summary>
    Observed,

    /// <summary>Read from the stack's configuration before any resource is registered: nothing to wait for.</summary>
    Configuration,
}
