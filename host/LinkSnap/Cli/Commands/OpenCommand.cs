using System.CommandLine;
using LinkSnap.Api;
using LinkSnap.Core.Capture;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap open ID`: the path of the link's latest saved HTML copy (exit 4 when there is none yet).</summary>
public static class OpenCommand
{
    public static Command Create(CliSession session)
    {
        var id = CliOptions.Id("ID", "link");
        var json = CliOptions.Json();
        var command = new Command("open", "path of the link's latest saved HTML copy") { id, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var linkId = result.GetValue(id);
            var client = await session.DaemonAsync(cancellationToken);
            var link = await client.GetAsync<LinkDto>($"/api/links/{linkId}", cancellationToken);
            foreach (var s in link.Snapshots ?? [])
            {
                var detail = await client.GetAsync<SnapshotDto>($"/api/snapshots/{s.Id}", cancellationToken);
                var html = detail.Artifacts?.FirstOrDefault(a => a.Kind is "html" or "original" && a.Status == ArtifactStatus.Ok);
                if (html?.FileName is not null && detail.Folder is not null)
                {
                    var path = Path.Combine(detail.Folder, html.FileName);
                    session.Write(result.GetValue(json), new { linkId, snapshotId = detail.Id, path }, () => session.Output.WriteLine(path));
                    return CliApp.Ok;
                }
            }

            session.Error.WriteLine($"linksnap: link {linkId} has no saved copy yet; see `linksnap show {linkId}`.");
            return CliApp.NotFound;
        });
        return command;
    }
}
