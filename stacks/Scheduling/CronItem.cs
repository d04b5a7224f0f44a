namespace Tazlab.Stacks.Scheduling;

/// <summary>One item of a cron field: a value (First == Last), a range, or <c>*</c> with an optional step.</summary>
public sealed record CronItem(int First, int Last, int? Step, bool IsAny);
