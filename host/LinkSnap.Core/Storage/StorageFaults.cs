using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// Recognises the storage faults a person can act on — a full disk, a database locked by another
/// process — wherever they surface (file writes, SQLite, an artifact step's error text), so that
/// every boundary names them the same way.
/// </summary>
public static class StorageFaults
{
    public const string DiskFullReason = "disk full";

    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;

    // The OS text for ENOSPC/EDQUOT as it reaches artifact errors from Chromium, node and .NET.
    private static readonly string[] DiskFullTexts = ["No space left on device", "Disk quota exceeded", "ENOSPC", "database or disk is full"];

    public static bool IsDiskFull(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull } || (e is IOException && (e.HResult & 0xFFFF) is Enospc or Edquot) || IsDiskFull(e.Message))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDiskFull(string? text) =>
        text is not null && DiskFullTexts.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>Another connection holds the lock longer than the busy timeout.</summary>
    public static bool IsBusy(Exception? e) => e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    /// <summary>"disk full (No space left on device …)": the reason recorded for a job the full disk stopped.</summary>
    public static string DiskFull(string detail) => $"{DiskFullReason} ({detail})";
}
