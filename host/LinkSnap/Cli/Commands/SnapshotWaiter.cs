using System.Diagnostics;
using LinkSnap.Api;
using LinkSnap.Core.Storage;

namespace LinkSnap.Cli.Commands;

/// <summary>--wait of capture and recapture: polls the snapshot until it ends, printing each new stage to stderr.</summary>
public static class SnapshotWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<SnapshotDto> WaitAsync(CliSession session, long snapshotId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            var snapshot = await session.Client.GetAsync<SnapshotDto>($"/api/snapshots/{snapshotId}", cancellationToken);
            if (snapshot.Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed)
            {
                return snapshot;
            }

            var progress = snapshot.Stage is { } stage ? CliOutput.Word(stage) : CliOutput.Word(snapshot.Status);
            if (progress != last)
            {
                session.Error.WriteLine($"  {progress}...");
                last = progress;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Snapshot {snapshotId} is still {CliOutput.Word(snapshot.Status)} after {timeout.TotalSeconds:0} s; it goes on in the daemon (`linksnap show`).");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
