namespace Tazlab.TailnetApi.Client;

public enum DeleteOutcome
{
    /// <summary>The API deleted the device.</summary>
    Deleted,

    /// <summary>The API had no such device (404): someone else removed it first, which is the goal anyway.</summary>
    AlreadyGone,
}
