using System.CommandLine;
using LinkSnap.Api;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap edit ID`: title, note and read-later states (each flag pair sets one state; what is not given stays).</summary>
public static class EditCommand
{
    private const string Usage = "linksnap edit ID [--read|--unread] [--favorite|--unfavorite] [--archive|--unarchive] [--private|--public] [--title T] [--note N]";

    public static Command Create(CliSession session)
    {
        var id = CliOptions.Id("ID", "link");
        var pairs = new[]
        {
            Pair("read", "--read", "--unread", "mark as read", "mark as unread"),
            Pair("favorite", "--favorite", "--unfavorite", "mark as a favorite", "no longer a favorite"),
            Pair("archived", "--archive", "--unarchive", "archive", "take out of the archive"),
            Pair("private", "--private", "--public", "mark as private", "no longer private"),
        };
        var title = new Option<string?>("--title") { Description = "a new title", HelpName = "TEXT" };
        var note = CliOptions.Note();
        var json = CliOptions.Json();
        var command = new Command("edit", "change a link's read-later states, title or note") { id, title, note, json };
        foreach (var (_, on, off) in pairs)
        {
            command.Add(on);
            command.Add(off);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var edit = new Dictionary<string, object>();
            foreach (var (state, on, off) in pairs)
            {
                var (set, unset) = (result.GetValue(on), result.GetValue(off));
                if (set && unset)
                {
                    throw new CliUsageException($"{on.Name} and {off.Name} contradict each other; give one.");
                }

                if (set || unset)
                {
                    edit[state] = set;
                }
            }

            if (result.GetValue(title) is { } newTitle)
            {
                edit["title"] = newTitle;
            }

            if (result.GetValue(note) is { } newNote)
            {
                edit["note"] = newNote;
            }

            if (edit.Count == 0)
            {
                throw new CliUsageException("Say what to change: " + Usage);
            }

            var client = await session.DaemonAsync(cancellationToken);
            var link = await client.SendAsync<LinkDto>(HttpMethod.Patch, $"/api/links/{result.GetValue(id)}", edit, cancellationToken);
            session.Write(result.GetValue(json), link, () => CliOutput.WriteLinkHeader(session.Output, link));
            return CliApp.Ok;
        });
        return command;
    }

    private static (string State, Option<bool> On, Option<bool> Off) Pair(string state, string on, string off, string onText, string offText) =>
        (state, new Option<bool>(on) { Description = onText }, new Option<bool>(off) { Description = offText });
}
