using System.CommandLine;
using System.Globalization;
using LinkSnap.Watch;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap watch ID --every P`, `linksnap watch --tag T --every P`, `linksnap watch --list`:
/// schedules re-captures; a check that finds nothing meaningful changed keeps no new version.
/// </summary>
public static class WatchCommand
{
    private const string Usage = "Usage: linksnap watch ID --every off|hourly|daily|weekly|monthly, linksnap watch --tag TAG --every ..., or linksnap watch --list.";

    public static Command Create(CliSession session)
    {
        var id = new Argument<long?>("ID")
        {
            Description = "the link to watch (see `linksnap list`)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => CliOptions.Id("ID", "link").CustomParser!(result),
        };
        var every = CliOptions.Choice("--every", "how often to re-capture; off stops watching", "off", "hourly", "daily", "weekly", "monthly");
        var tag = new Option<string?>("--tag", "-t") { Description = "watch every link with this tag (links tagged later too)", HelpName = "TAG" };
        var list = new Option<bool>("--list") { Description = "watched links: schedule, next check, last result; watched tags; recent changes" };
        var json = CliOptions.Json();
        var command = new Command("watch", "re-capture a link (or every link with a tag) on a schedule; keeps changed versions only") { id, every, tag, list, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            if (result.GetValue(list))
            {
                var watches = await client.GetAsync<WatchListDto>("/api/watches?limit=500", cancellationToken);
                var changes = await client.GetAsync<ChangesDto>("/api/changes?limit=20", cancellationToken);
                session.Write(result.GetValue(json), new { watches, changes }, () => WriteList(session.Output, watches, changes));
                return CliApp.Ok;
            }

            var period = result.GetValue(every) ?? throw new CliUsageException("Say how often with --every. " + Usage);
            if (result.GetValue(tag) is { } tagName)
            {
                if (result.GetValue(id) is not null)
                {
                    throw new CliUsageException("Give either a link id or --tag, not both. " + Usage);
                }

                var tagWatch = await client.SendAsync<TagWatchDto>(HttpMethod.Put, "/api/tags/watch", new { tag = tagName, every = period }, cancellationToken);
                session.Write(result.GetValue(json), tagWatch, () => session.Output.WriteLine($"Tag '{tagName}': {tagWatch.Every} ({tagWatch.Links} link(s) now follow it)."));
                return CliApp.Ok;
            }

            var linkId = result.GetValue(id) ?? throw new CliUsageException(Usage);
            var watch = await client.SendAsync<WatchDto>(HttpMethod.Put, $"/api/links/{linkId}/watch", new { every = period }, cancellationToken);
            session.Write(result.GetValue(json), watch, () => session.Output.WriteLine(
                watch.Every == "off" ? $"Link {linkId} is not watched." : $"Link {linkId} is watched {watch.Every}; next check {Time(watch.NextDueAt)}."));
            return CliApp.Ok;
        });
        return command;
    }

    private static void WriteList(TextWriter output, WatchListDto list, ChangesDto changes)
    {
        output.WriteLine($"{list.Count} watched link(s)");
        foreach (var w in list.Items)
        {
            var state = w.Checking ? "checking now" : w.LastOutcome is { } outcome ? $"last {outcome} {Time(w.LastCheckedAt)}" : "not checked yet";
            var failing = w.Failures > 0 ? $", {w.Failures} failure(s) in a row: {w.LastReason}" : "";
            var changed = w.ChangedAt is not null ? " [changed]" : "";
            output.WriteLine($"  {w.LinkId,6}  {w.Every,-8} next {Time(w.NextDueAt)}  {state}{failing}{changed}  {w.Url}");
        }

        foreach (var t in list.Tags)
        {
            output.WriteLine($"  tag {t.Tag}: {t.Every}");
        }

        if (changes.Items.Count > 0)
        {
            output.WriteLine("Recent changes:");
            foreach (var c in changes.Items)
            {
                output.WriteLine($"  {Time(c.CheckedAt)}  link {c.LinkId} snapshot {c.SnapshotId}: {c.Reason}  {c.Url}");
            }
        }
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";
}
