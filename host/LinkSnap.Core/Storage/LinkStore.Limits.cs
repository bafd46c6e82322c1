using Dapper;

namespace LinkSnap.Core.Storage;

public sealed partial class LinkStore
{
    /// <summary>
    /// Captures a person asked for that wait in the queue: what the queue cap counts. Background work
    /// (imports, scheduled checks) is not a user capture and never counts, so a big import neither
    /// hits the cap nor keeps a click from being queued.
    /// </summary>
    public int CountQueuedUserCaptures()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM snapshots WHERE status = 'queued' AND job_class = @user", new { user = JobClasses.User });
    }
}
