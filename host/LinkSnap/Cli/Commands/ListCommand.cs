using System.CommandLine;
using LinkSnap.Api;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap list [--tag T]... [--tag-mode and|or] [--site S] [--status S] [--state S]... [--sort ...] [--order ...] [--limit N]`.</summary>
public static class ListCommand
{
    public static Command Create(CliSession session)
    {
        var (tags, tagMode, site, status, json) = (CliOptions.Tags(), CliOptions.TagMode(), CliOptions.Site(), CliOptions.Status(), CliOptions.Json());
        var states = new Option<string[]>("--state") { Description = "read, unread, favorite, archived, unarchived or private (repeat: all must hold)", HelpName = "STATE" };
        var sort = new Option<string?>("--sort") { Description = "saved (default), title or site", HelpName = "saved|title|site" };
        var order = new Option<string?>("--order") { Description = "asc or desc", HelpName = "asc|desc" };
        var limit = CliOptions.Number("--limit", "links to show", 50, 1, 500);
        var command = new Command("list", "saved links, newest first, filtered by tag, site, status or state") { tags, tagMode, site, status, states, sort, order, limit, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var query = new List<string> { "limit=" + result.GetValue(limit) };
            query.AddRange((result.GetValue(tags) ?? []).Select(t => "tag=" + Uri.EscapeDataString(t)));
            query.AddRange((result.GetValue(states) ?? []).Select(s => "state=" + Uri.EscapeDataString(s)));
            foreach (var (name, value) in new[] { ("tagMode", result.GetValue(tagMode)), ("site", result.GetValue(site)), ("status", result.GetValue(status)), ("sort", result.GetValue(sort)), ("order", result.GetValue(order)) })
            {
                if (value is not null)
                {
                    query.Add(name + "=" + Uri.EscapeDataString(value));
                }
            }

            var client = await session.DaemonAsync(cancellationToken);
            var page = await client.GetAsync<LinkPageDto>("/api/links?" + string.Join('&', query), cancellationToken);
            session.Write(result.GetValue(json), page, () => CliOutput.WriteLinks(session.Output, page));
            return CliApp.Ok;
        });
        return command;
    }
}
