using System.CommandLine;
using LinkSnap.Core.Storage;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap tags`: every tag with how many links carry it.</summary>
public static class TagsCommand
{
    public static Command Create(CliSession session)
    {
        var json = CliOptions.Json();
        var command = new Command("tags", "tags with how many links carry each") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            var tags = await client.GetAsync<List<TagCount>>("/api/tags", cancellationToken);
            session.Write(result.GetValue(json), tags, () =>
            {
                foreach (var tag in tags)
                {
                    session.Output.WriteLine($"{tag.Count,6}  {tag.Name}");
                }
            });
            return CliApp.Ok;
        });
        return command;
    }
}
