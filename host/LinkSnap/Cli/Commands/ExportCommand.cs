using System.CommandLine;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap export`: downloads GET /api/export into a file (or stdout with --output -), streamed,
/// so a whole-library archive never sits in memory.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliSession session)
    {
        var format = CliOptions.Choice("--format", "json (default), html (browser bookmarks), csv, zip (the whole library with its files) or wacz (one web archive)", "html", "json", "csv", "zip", "wacz");
        var (tags, tagMode, site, status, json) = (CliOptions.Tags(), CliOptions.TagMode(), CliOptions.Site(), CliOptions.Status(), CliOptions.Json());
        var search = new Option<string?>("--search") { Description = "only links matching this full-text search", HelpName = "QUERY" };
        var ids = new Option<string?>("--ids") { Description = "only these links (comma-separated ids)", HelpName = "1,2" };
        var output = new Option<string?>("--output") { Description = "the file to write, - for stdout (default: the name the daemon suggests, here)", HelpName = "FILE|-" };
        var wacz = new Option<string?>("--wacz") { Description = "short for --format wacz --output OUT.wacz", HelpName = "OUT.wacz" };
        var command = new Command("export", "export links (zip: the whole library with its files; wacz: one web archive)") { format, tags, tagMode, search, site, status, ids, output, wacz, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var waczFile = result.GetValue(wacz);
            var query = new List<string> { "format=" + Uri.EscapeDataString(waczFile is null ? result.GetValue(format) ?? "json" : "wacz") };
            query.AddRange((result.GetValue(tags) ?? []).Select(t => "tag=" + Uri.EscapeDataString(t)));
            foreach (var (name, value) in new[] { ("tagMode", result.GetValue(tagMode)), ("q", result.GetValue(search)), ("site", result.GetValue(site)), ("status", result.GetValue(status)), ("ids", result.GetValue(ids)) })
            {
                if (value is not null)
                {
                    query.Add(name + "=" + Uri.EscapeDataString(value));
                }
            }

            var target = waczFile ?? result.GetValue(output);
            string? written = null;
            var client = await session.DaemonAsync(cancellationToken);
            await client.DownloadAsync("/api/export?" + string.Join('&', query), suggested =>
            {
                if (target == "-")
                {
                    return Console.OpenStandardOutput();
                }

                written = Path.GetFullPath(target ?? suggested ?? "linksnap-export");
                return new FileStream(written, FileMode.Create, FileAccess.Write);
            }, cancellationToken);

            if (written is not null)
            {
                var bytes = new FileInfo(written).Length;
                session.Write(result.GetValue(json), new { path = written, bytes }, () => session.Output.WriteLine($"Exported to {written} ({bytes:N0} bytes)."));
            }

            return CliApp.Ok;
        });
        return command;
    }
}
