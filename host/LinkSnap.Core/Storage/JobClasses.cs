namespace LinkSnap.Core.Storage;

/// <summary>
/// Who asked for a capture. Captures a person asked for ("user") always run first; every other class
/// is background work: below user captures, polite per host, retried with back-off when it fails.
/// </summary>
public static class JobClasses
{
    public const string User = "user";

    /// <summary>Links brought in by an import.</summary>
    public const string Import = "import";

    /// <summary>A scheduled re-capture of a watched link; its failures back off on the watch's schedule, not as job retries.</summary>
    public const string Watch = "watch";

    public static bool IsBackground(string jobClass) => jobClass != User;
}
