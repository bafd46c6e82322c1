using System.Text.Json;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Daemon;

/// <summary>daemon.json: how clients find a running daemon (written atomically at start, removed at stop).</summary>
public sealed record DaemonInfo(int Pid, int Port, string LibraryUrl, string Socket, DateTimeOffset StartedAt)
{
    public void Write(string path) =>
        SnapshotFolders.WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(this, SnapshotJson.Indented));

    public static DaemonInfo? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<DaemonInfo>(File.ReadAllBytes(path), SnapshotJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Removes the file if it still describes this process (a newer daemon may have replaced it).</summary>
    public static void RemoveIfOwn(string path)
    {
        if (Read(path)?.Pid == Environment.ProcessId)
        {
            File.Delete(path);
        }
    }
}
