using System.CommandLine;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap delete ID`: a link with its snapshots and files.</summary>
public static class DeleteCommand
{
    public static Command Create(CliSession session)
    {
        var id = CliOptions.Id("ID", "link");
        var json = CliOptions.Json();
        var command = new Command("delete", "delete a link with its snapshots and files") { id, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var linkId = result.GetValue(id);
            var client = await session.DaemonAsync(cancellationToken);
            await client.DeleteAsync($"/api/links/{linkId}", cancellationToken);
            session.Write(result.GetValue(json), new { deleted = linkId }, () => session.Output.WriteLine($"Deleted link {linkId} with its snapshots."));
            return CliApp.Ok;
        });
        return command;
    }
}
