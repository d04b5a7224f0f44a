namespace Tazlab.Blueprint.Rendering;

/// <summary>Supplies apply-time values to renderers.</summary>
public interface IApplyTimeValues
{
    /// <summary>A value the platform has once (a certificate, a token).</summary>
    string this[ApplyTimeValue value] { get; }

    /// <summary>A value minted once per Talos node (<see cref="ApplyTimeValues.PerNode"/>), such as its single-use auth key.</summary>
    string this[ApplyTimeValue value, string node] { get; }
}
