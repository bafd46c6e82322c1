using System.CommandLine;
using LinkSnap.Health;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap check [ID...] [--tag T] [--json]`: checks whether the saved links' original pages are
/// still there (alive, moved, gone, soft-404, unknown), a page of links per daemon call so each
/// call stays short and lines appear as the checks finish.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliSession session)
    {
        var ids = CliOptions.Ids("ID", "link", ArgumentArity.ZeroOrMore);
        var tag = new Option<string?>("--tag", "-t") { Description = "check the links with this tag", HelpName = "TAG" };
        var json = CliOptions.Json();
        var command = new Command("check", "is each saved page still there: alive, moved, gone, soft-404 or unknown (all links when no ID or --tag)") { ids, tag, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var linkIds = (result.GetValue(ids) ?? []).ToList();
            var tagName = result.GetValue(tag);
            if (linkIds.Count > 0 && tagName is not null)
            {
                throw new CliUsageException("Give link ids or --tag, not both: linksnap check [ID...] [--tag T] [--json].");
            }

            var client = await session.DaemonAsync(cancellationToken);
            var all = new List<HealthCheckDto>();
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            long? afterId = 0;
            var pending = linkIds;
            while (afterId is not null)
            {
                var batch = pending.Take(HealthEndpoints.MaxPerCall).ToList();
                pending = pending.Skip(batch.Count).ToList();
                var page = await client.SendAsync<HealthCheckPageDto>(HttpMethod.Post, "/api/health/checks",
                    new { linkIds = batch.Count > 0 ? batch : null, tag = tagName, afterId, limit = 25 }, cancellationToken);
                foreach (var check in page.Checks)
                {
                    all.Add(check);
                    counts[check.State] = counts.GetValueOrDefault(check.State) + 1;
                    if (!result.GetValue(json))
                    {
                        session.Output.WriteLine($"{check.State,-9} {check.LinkId,6}  {check.Url}  {check.Reason}");
                    }
                }

                afterId = linkIds.Count > 0 ? (pending.Count > 0 ? 0 : null) : page.NextAfterId;
            }

            session.Write(result.GetValue(json), all, () =>
                session.Output.WriteLine(all.Count == 0 ? "No links to check." : $"Checked {all.Count}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}."));
            return CliApp.Ok;
        });
        return command;
    }
}
