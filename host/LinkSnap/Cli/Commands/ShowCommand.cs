using System.CommandLine;
using LinkSnap.Api;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap show ID`: a link, its snapshots and their files (--json: each snapshot's details too).</summary>
public static class ShowCommand
{
    public static Command Create(CliSession session)
    {
        var id = CliOptions.Id("ID", "link");
        var json = CliOptions.Json();
        var command = new Command("show", "a link, its snapshots and their files") { id, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            var link = await client.GetAsync<LinkDto>($"/api/links/{result.GetValue(id)}", cancellationToken);
            var details = new List<SnapshotDto>();
            foreach (var s in link.Snapshots ?? [])
            {
                details.Add(await client.GetAsync<SnapshotDto>($"/api/snapshots/{s.Id}", cancellationToken));
            }

            session.Write(result.GetValue(json), new { link, snapshots = details }, () =>
            {
                CliOutput.WriteLinkHeader(session.Output, link);
                foreach (var detail in details)
                {
                    CliOutput.WriteSnapshot(session.Output, detail, null);
                }
            });
            return CliApp.Ok;
        });
        return command;
    }
}
