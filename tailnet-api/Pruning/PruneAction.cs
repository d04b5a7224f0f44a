namespace Tazlab.TailnetApi.Pruning;

public enum PruneAction
{
    Kept,
    WouldDelete,
    Deleted,
    DeleteFailed,
}
