using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap check [ID...] [--tag T] [--json]`: checks whether the saved links' original pages are
/// still there (alive, moved, gone, soft-404, unknown), a page of links per daemon call so each
/// call stays short and lines appear as the checks finish.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(DaemonClient client, CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(1, args.Positional.Count - 1).Select(i => args.Id(i, "link")).ToList();
        var tag = args.Value("--tag");
        if (ids.Count > 0 && tag is not null)
        {
            throw new CliUsageException("Give link ids or --tag, not both: linksnap check [ID...] [--tag T] [--json].");
        }

        var json = args.Has("--json");
        var all = new List<JsonElement>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long? afterId = 0;
        var pending = ids;
        while (afterId is not null)
        {
            var batch = pending.Take(Health.HealthEndpoints.MaxPerCall).ToList();
            pending = pending.Skip(batch.Count).ToList();
            var page = await client.PostAsync("/api/health/checks",
                new { linkIds = batch.Count > 0 ? batch : null, tag, afterId, limit = 25 }, cancellationToken);
            foreach (var check in page.GetProperty("checks").EnumerateArray())
            {
                all.Add(check);
                var state = check.GetProperty("state").GetString()!;
                counts[state] = counts.GetValueOrDefault(state) + 1;
                if (!json)
                {
                    output.WriteLine($"{state,-9} {check.GetProperty("linkId").GetInt64(),6}  {check.GetProperty("url").GetString()}  {check.GetProperty("reason").GetString()}");
                }
            }

            afterId = ids.Count > 0 ? (pending.Count > 0 ? 0 : null)
                : page.GetProperty("nextAfterId") is { ValueKind: JsonValueKind.Number } next ? next.GetInt64() : null;
        }

        if (json)
        {
            CliOutput.WriteJson(output, all);
        }
        else
        {
            output.WriteLine(all.Count == 0 ? "No links to check." : $"Checked {all.Count}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}.");
        }

        return CliApp.Ok;
    }
}
