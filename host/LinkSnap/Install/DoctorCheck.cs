namespace LinkSnap.Install;

/// <summary>One line of `linksnap doctor`: what was checked, whether it is fine, and what to do if not.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail, string? Fix = null)
{
    public override string ToString()
    {
        var mark = Status switch { DoctorStatus.Ok => "ok  ", DoctorStatus.Warning => "warn", _ => "FAIL" };
        var line = $"[{mark}] {Name}: {Detail}";
        return Fix is null ? line : line + Environment.NewLine + "       → " + Fix;
    }
}

public enum DoctorStatus
{
    Ok,
    Warning,
    Failed,
}
