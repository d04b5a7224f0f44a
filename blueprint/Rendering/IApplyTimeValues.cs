namespace Tazlab.Blueprint.Rendering;

/// <summary>Supplies apply-time values to renderers.</summary>
public interface IApplyTimeValues
{
    string this[ApplyTimeValue value] { get; }
}
