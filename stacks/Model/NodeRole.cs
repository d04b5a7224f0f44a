namespace Tazlab.Stacks.Model;

public enum NodeRole
{
    ControlPlane,
    Worker,
}
