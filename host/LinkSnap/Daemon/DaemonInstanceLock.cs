using LinkSnap.Shared;

namespace LinkSnap.Daemon;

/// <summary>
/// One daemon per data directory. Several can be started at the same moment: every message a popup sends at
/// once runs its own relay, and with "start automatically" each of them starts `linksnap serve`. Without this
/// lock they raced through migrations and socket set-up, and a loser could leave the winner unreachable. The
/// lock is taken before anything else is touched and released when the process ends, however it ends.
/// </summary>
public sealed class DaemonInstanceLock : IDisposable
{
    private readonly FileStream _file;

    private DaemonInstanceLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or throws <see cref="InvalidOperationException"/> when another daemon holds it.</summary>
    public static DaemonInstanceLock Acquire(LinkSnapPaths paths)
    {
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix; the kernel drops it when the process dies.
            return new DaemonInstanceLock(new FileStream(paths.DaemonLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Another LinkSnap daemon is already running (or starting) for {paths.DataDirectory}. Use it (linksnap status), or stop it before starting a new one.", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
