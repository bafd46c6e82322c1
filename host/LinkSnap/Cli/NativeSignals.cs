using System.Runtime.InteropServices;

namespace LinkSnap.Cli;

/// <summary>POSIX kill(2): .NET's Process.Kill only sends SIGKILL, and stopping the daemon wants SIGTERM.</summary>
internal static class NativeSignals
{
    private const int SigTerm = 15;

    public static int Terminate(int pid) => Kill(pid, SigTerm);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
