namespace Tazlab.Fuzzing;

/// <summary>What one mutated stack file made <c>plan</c> do. The first three are answers; the rest are defects.</summary>
public enum FuzzVerdict
{
    /// <summary>Exit 0: the file is still valid, and the plan was written.</summary>
    Planned,

    /// <summary>Exit 1: valid, written, and a safety check failed (reported in the summary).</summary>
    SafetyFailed,

    /// <summary>Exit 2: refused with keyed messages, nothing written.</summary>
    Refused,

    /// <summary>An exception left the tool, or it printed a stack trace.</summary>
    Crash,

    /// <summary>No answer within the hang limit.</summary>
    Hang,

    /// <summary>A line on stderr names no key, or expects nothing.</summary>
    UnkeyedMessage,

    /// <summary>A control character or a line separator reached the output unescaped.</summary>
    UnescapedText,

    /// <summary>Exit 2, and yet the output folder exists.</summary>
    WroteOnRefusal,

    /// <summary>Exit 0 or 1 without plan.json, or an exit code the tool does not define.</summary>
    WrongExit,
}
