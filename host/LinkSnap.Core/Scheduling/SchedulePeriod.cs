namespace LinkSnap.Core.Scheduling;

/// <summary>How often something recurring runs. <see cref="Off"/> is the default: nothing is scheduled.</summary>
public enum SchedulePeriod
{
    Off,
    Hourly,
    Daily,
    Weekly,
    Monthly,
}
