namespace LinkSnap.Core.Storage;

/// <summary>The states of an import (imports.status).</summary>
public static class ImportStatuses
{
    public const string Running = "running";
    public const string Capturing = "capturing";
    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
    public const string Done = "done";
}
