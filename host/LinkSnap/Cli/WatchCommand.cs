using System.Globalization;
using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap watch ID --every P`, `linksnap watch --tag T --every P`, `linksnap watch --list`:
/// schedules re-captures; a check that finds nothing meaningful changed keeps no new version.
/// </summary>
public static class WatchCommand
{
    private const string Usage = "Usage: linksnap watch ID --every off|hourly|daily|weekly|monthly, linksnap watch --tag TAG --every ..., or linksnap watch --list.";

    public static async Task<int> RunAsync(DaemonClient client, CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Has("--list"))
        {
            var list = await client.GetAsync("/api/watches?limit=500", cancellationToken);
            var changes = await client.GetAsync("/api/changes?limit=20", cancellationToken);
            if (args.Has("--json"))
            {
                CliOutput.WriteJson(output, JsonSerializer.SerializeToElement(new { watches = list, changes }));
            }
            else
            {
                WriteList(output, list, changes);
            }

            return CliApp.Ok;
        }

        var every = args.Value("--every") ?? throw new CliUsageException("Say how often with --every. " + Usage);
        var tag = args.Value("--tag");
        JsonElement result;
        if (tag is not null)
        {
            if (args.Positional.Count != 1)
            {
                throw new CliUsageException("Give either a link id or --tag, not both. " + Usage);
            }

            result = await client.SendAsync(HttpMethod.Put, "/api/tags/watch", new { tag, every }, cancellationToken);
            Write(args, output, result, () => output.WriteLine($"Tag '{tag}': {Every(result)} ({result.GetProperty("links").GetInt32()} link(s) now follow it)."));
            return CliApp.Ok;
        }

        if (args.Positional.Count != 2)
        {
            throw new CliUsageException(Usage);
        }

        var id = args.Id(1, "link");
        result = await client.SendAsync(HttpMethod.Put, $"/api/links/{id}/watch", new { every }, cancellationToken);
        Write(args, output, result, () => output.WriteLine(
            Every(result) == "off" ? $"Link {id} is not watched." : $"Link {id} is watched {Every(result)}; next check {Time(result.GetProperty("nextDueAt"))}."));
        return CliApp.Ok;
    }

    private static void Write(CliArguments args, TextWriter output, JsonElement result, Action text)
    {
        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, result);
        }
        else
        {
            text();
        }
    }

    private static void WriteList(TextWriter output, JsonElement list, JsonElement changes)
    {
        output.WriteLine($"{list.GetProperty("count").GetInt32()} watched link(s)");
        foreach (var w in list.GetProperty("items").EnumerateArray())
        {
            var state = w.GetProperty("checking").GetBoolean() ? "checking now"
                : w.GetProperty("lastOutcome").GetString() is { } outcome ? $"last {outcome} {Time(w.GetProperty("lastCheckedAt"))}" : "not checked yet";
            var failures = w.GetProperty("failures").GetInt32();
            var failing = failures > 0 ? $", {failures} failure(s) in a row: {w.GetProperty("lastReason").GetString()}" : "";
            var changed = w.GetProperty("changedAt").ValueKind == JsonValueKind.String ? " [changed]" : "";
            output.WriteLine($"  {w.GetProperty("linkId").GetInt64(),6}  {Every(w),-8} next {Time(w.GetProperty("nextDueAt"))}  {state}{failing}{changed}  {w.GetProperty("url").GetString()}");
        }

        foreach (var t in list.GetProperty("tags").EnumerateArray())
        {
            output.WriteLine($"  tag {t.GetProperty("tag").GetString()}: {Every(t)}");
        }

        var items = changes.GetProperty("items");
        if (items.GetArrayLength() > 0)
        {
            output.WriteLine("Recent changes:");
            foreach (var c in items.EnumerateArray())
            {
                output.WriteLine($"  {Time(c.GetProperty("checkedAt"))}  link {c.GetProperty("linkId").GetInt64()} snapshot {c.GetProperty("snapshotId")}: {c.GetProperty("reason").GetString()}  {c.GetProperty("url").GetString()}");
            }
        }
    }

    private static string Every(JsonElement e) => e.GetProperty("every").GetString() ?? "off";

    private static string Time(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";
}
