using System.Net.Sockets;

namespace LinkSnap.Daemon;

/// <summary>The per-user Unix socket: stale files are removed, a live daemon is never displaced.</summary>
public static class DaemonSocket
{
    /// <summary>True when something accepts connections on the socket (a daemon is running).</summary>
    public static bool IsAlive(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Makes the path free for a new daemon, or throws when another daemon answers on it.</summary>
    public static void Prepare(string path)
    {
        if (IsAlive(path))
        {
            throw new InvalidOperationException(
                $"Another LinkSnap daemon is already running on {path}. Use it (linksnap status), or stop it before starting a new one.");
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Only the owning user may connect: the socket is the API's authorization.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
