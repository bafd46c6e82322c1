using System.CommandLine;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap reindex`: rebuilds the database from the snapshot folders.</summary>
public static class ReindexCommand
{
    public static Command Create(CliSession session)
    {
        var json = CliOptions.Json();
        var command = new Command("reindex", "rebuild the database from the snapshot folders") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            var reindex = await client.SendAsync<ReindexResult>(HttpMethod.Post, "/api/reindex", null, cancellationToken);
            session.Write(result.GetValue(json), reindex, () =>
            {
                session.Output.WriteLine($"Rebuilt the index from the snapshot folders: {reindex.Links} links, {reindex.Snapshots} snapshots.");
                foreach (var skipped in reindex.Skipped)
                {
                    session.Output.WriteLine($"  skipped {skipped}");
                }
            });
            return CliApp.Ok;
        });
        return command;
    }
}
