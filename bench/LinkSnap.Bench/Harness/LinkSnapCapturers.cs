using LinkSnap.Bench.Daemon;

namespace LinkSnap.Bench.Harness;

/// <summary>
/// LinkSnap as the sections use it: a warm daemon through its API when scripts/bench built one,
/// else the capture engine in-process (same engine, without the queue and the store).
/// </summary>
public static class LinkSnapCapturers
{
    public static string MissingReason => "LinkSnap's capture engine is not available in this build";

    public static async Task<ILinkSnapCapturer?> CreateAsync(BenchContext context, string name, CancellationToken cancellationToken)
    {
        var dll = DaemonProcess.FindExecutable(out _);
        if (dll is null)
        {
            return new EngineCapturer();
        }

        var dataDirectory = context.WorkPath("daemons", name);
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, [], cancellationToken);
        return new DaemonCapturer(daemon);
    }
}
