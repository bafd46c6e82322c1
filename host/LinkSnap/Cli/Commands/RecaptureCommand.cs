using System.CommandLine;
using LinkSnap.Api;
using LinkSnap.Core.Storage;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap recapture ID [--mode fresh|as-seen] [--wait] [--timeout S]`: a new version of a saved link.</summary>
public static class RecaptureCommand
{
    public static Command Create(CliSession session)
    {
        var id = CliOptions.Id("ID", "link");
        var (mode, wait, timeout, json) = (CliOptions.Mode(), CliOptions.Wait(), CliOptions.Timeout(), CliOptions.Json());
        var command = new Command("recapture", "save a new version of a link") { id, mode, wait, timeout, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var linkId = result.GetValue(id);
            var client = await session.DaemonAsync(cancellationToken);
            var accepted = await client.SendAsync<CaptureAcceptedDto>(HttpMethod.Post, $"/api/links/{linkId}/recapture", new { mode = result.GetValue(mode) }, cancellationToken);
            if (!result.GetValue(wait))
            {
                session.Write(result.GetValue(json), accepted, () => session.Output.WriteLine($"Queued snapshot {accepted.SnapshotId} of link {linkId}."));
                return CliApp.Ok;
            }

            var snapshot = await SnapshotWaiter.WaitAsync(session, accepted.SnapshotId, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellationToken);
            session.Write(result.GetValue(json), snapshot, () => CliOutput.WriteSnapshot(session.Output, snapshot, linkId));
            return snapshot.Status == SnapshotStatus.Done ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }
}
