using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Core.Paths;
using LinkSnap.Core.Snapshots;
using LinkSnap.Daemon;

namespace LinkSnap.Cli;

/// <summary>The commands of the CLI, each one or two API calls plus output for a person or, with --json, for a script.</summary>
public sealed class CliCommands(DaemonClient client, LinkSnapPaths paths, CliArguments args, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private bool Json => args.Has("--json");

    public async Task<int> RunAsync(string command, CancellationToken cancellationToken)
    {
        if (command == "stop")
        {
            return await StopAsync(cancellationToken);
        }

        if (command == "import" && ImportArchiveCommand.Handles(args))
        {
            return await new ImportArchiveCommand(client, paths, args, output).RunAsync(cancellationToken);
        }

        if (command is not ("capture" or "list" or "show" or "search" or "tags" or "tag" or "open" or "recapture" or "delete" or "reindex" or "status" or "start" or "open-library" or "export" or "import" or "token" or "diff" or "watch" or "check" or "edit"))
        {
            throw new CliUsageException($"Unknown command '{command}'. Run `linksnap --help` for the commands.");
        }

        // Asking whether the daemon runs must not start it.
        if (command == "status" && !await client.IsRunningAsync(cancellationToken))
        {
            Write(JsonSerializer.SerializeToElement(new { running = false }), () => output.WriteLine("The LinkSnap daemon is not running. Start it with `linksnap start`."));
            return CliApp.Unreachable;
        }

        await DaemonLauncher.EnsureRunningAsync(paths, client, error, cancellationToken);
        return command switch
        {
            "capture" => await CaptureAsync(cancellationToken),
            "list" => await ListAsync(cancellationToken),
            "show" => await ShowAsync(cancellationToken),
            "search" => await SearchAsync(cancellationToken),
            "tags" => await TagsAsync(cancellationToken),
            "tag" => await TagAsync(cancellationToken),
            "edit" => await EditAsync(cancellationToken),
            "open" => await OpenAsync(cancellationToken),
            "recapture" => await RecaptureAsync(cancellationToken),
            "delete" => await DeleteAsync(cancellationToken),
            "reindex" => await ReindexAsync(cancellationToken),
            "diff" => await DiffCommand.RunAsync(client, args, output, cancellationToken),
            "watch" => await WatchCommand.RunAsync(client, args, output, cancellationToken),
            "check" => await CheckCommand.RunAsync(client, args, output, cancellationToken),
            "token" => await TokenCommand.RunAsync(client, args, output, cancellationToken),
            "export" => await new ExportCommand(client, args, output).RunAsync(cancellationToken),
            "import" when ImportWaczCommand.Handles(args) => await new ImportWaczCommand(client, args, output).RunAsync(cancellationToken),
            "import" => await new ImportCommand(client, args, output).RunAsync(cancellationToken),
            _ => await StatusAsync(command, cancellationToken),
        };
    }

    private async Task<int> CaptureAsync(CancellationToken cancellationToken)
    {
        if (args.Positional.Count < 2)
        {
            throw new CliUsageException("Give a URL: linksnap capture URL [URL...] [--tag T]... [--wait] (or - to read URLs from stdin)");
        }

        if (args.Positional.Count > 2 || args.Positional[1] == "-")
        {
            return await CaptureListAsync(cancellationToken);
        }

        var accepted = await client.PostAsync("/api/captures", new
        {
            url = args.Positional[1],
            tags = args.All("--tag"),
            note = args.Value("--note"),
            mode = args.Value("--mode"),
        }, cancellationToken);
        var snapshotId = accepted.GetProperty("snapshotId").GetInt64();
        var linkId = accepted.GetProperty("linkId").GetInt64();
        if (!args.Has("--wait"))
        {
            Write(accepted, () => output.WriteLine($"Queued snapshot {snapshotId} of link {linkId}. Follow it with `linksnap show {linkId}`."));
            return CliApp.Ok;
        }

        var snapshot = await WaitAsync(snapshotId, TimeSpan.FromSeconds(args.IntValue("--timeout", 300, 1, 3600)), cancellationToken);
        var status = snapshot.GetProperty("status").GetString();
        Write(snapshot, () => CliOutput.WriteSnapshot(output, snapshot, linkId));
        return status == "done" ? CliApp.Ok : CliApp.Failed;
    }

    /// <summary>Many URLs (arguments, or stdin with -): one line per URL, --json the array of items.</summary>
    private async Task<int> CaptureListAsync(CancellationToken cancellationToken)
    {
        if (args.Has("--wait") || args.Value("--mode") is not null)
        {
            throw new CliUsageException("--wait and --mode take one URL; many URLs are queued as fresh captures.");
        }

        var words = args.Positional.Skip(1).ToList();
        var text = string.Join('\n', words.Where(w => w != "-"));
        if (words.Contains("-"))
        {
            text += "\n" + await Console.In.ReadToEndAsync(cancellationToken);
        }

        var result = await client.PostAsync("/api/captures/list", new { text, tags = args.All("--tag"), note = args.Value("--note") }, cancellationToken);
        var items = result.GetProperty("items");
        Write(items, () => CliOutput.WriteCaptureList(output, result));
        return items.EnumerateArray().Any(i => i.GetProperty("status").GetString() == "invalid") ? CliApp.Usage : CliApp.Ok;
    }

    private async Task<JsonElement> WaitAsync(long snapshotId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            var snapshot = await client.GetAsync($"/api/snapshots/{snapshotId}", cancellationToken);
            var status = snapshot.GetProperty("status").GetString()!;
            if (status is "done" or "partial" or "failed")
            {
                return snapshot;
            }

            var progress = snapshot.GetProperty("stage").GetString() ?? status;
            if (progress != last)
            {
                error.WriteLine($"  {progress}...");
                last = progress;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Snapshot {snapshotId} is still {status} after {timeout.TotalSeconds:0} s; it goes on in the daemon (`linksnap show`).");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var query = new List<string> { "limit=" + args.IntValue("--limit", 50, 1, 500) };
        query.AddRange(args.All("--tag").Select(t => "tag=" + Uri.EscapeDataString(t)));
        AddQuery(query, "tagMode", "--tag-mode");
        AddQuery(query, "site", "--site");
        AddQuery(query, "status", "--status");
        AddQuery(query, "sort", "--sort");
        AddQuery(query, "order", "--order");
        query.AddRange(args.All("--state").Select(s => "state=" + Uri.EscapeDataString(s)));
        var page = await client.GetAsync("/api/links?" + string.Join('&', query), cancellationToken);
        Write(page, () => CliOutput.WriteLinks(output, page));
        return CliApp.Ok;
    }

    private async Task<int> SearchAsync(CancellationToken cancellationToken)
    {
        if (args.Positional.Count < 2)
        {
            throw new CliUsageException("Give words to search for: linksnap search QUERY");
        }

        var q = Uri.EscapeDataString(string.Join(' ', args.Positional.Skip(1)));
        var page = await client.GetAsync($"/api/links?q={q}&limit={args.IntValue("--limit", 20, 1, 500)}", cancellationToken);
        Write(page, () => CliOutput.WriteLinks(output, page));
        return CliApp.Ok;
    }

    private async Task<int> ShowAsync(CancellationToken cancellationToken)
    {
        var link = await client.GetAsync($"/api/links/{args.Id(1, "link")}", cancellationToken);
        if (Json)
        {
            // Scripts get each snapshot's details (artifacts, folder) too.
            var details = new List<JsonElement>();
            foreach (var s in link.GetProperty("snapshots").EnumerateArray())
            {
                details.Add(await client.GetAsync($"/api/snapshots/{s.GetProperty("id").GetInt64()}", cancellationToken));
            }

            CliOutput.WriteJson(output, new { link, snapshots = details });
            return CliApp.Ok;
        }

        CliOutput.WriteLinkHeader(output, link);
        foreach (var s in link.GetProperty("snapshots").EnumerateArray())
        {
            var detail = await client.GetAsync($"/api/snapshots/{s.GetProperty("id").GetInt64()}", cancellationToken);
            CliOutput.WriteSnapshot(output, detail, null);
        }

        return CliApp.Ok;
    }

    private async Task<int> TagsAsync(CancellationToken cancellationToken)
    {
        var tags = await client.GetAsync("/api/tags", cancellationToken);
        Write(tags, () =>
        {
            foreach (var tag in tags.EnumerateArray())
            {
                output.WriteLine($"{tag.GetProperty("count").GetInt32(),6}  {tag.GetProperty("name").GetString()}");
            }
        });
        return CliApp.Ok;
    }

    /// <summary>linksnap edit ID: title, note and read-later states (each flag pair sets one state; what is not given stays).</summary>
    private async Task<int> EditAsync(CancellationToken cancellationToken)
    {
        var id = args.Id(1, "link");
        var edit = new Dictionary<string, object>();
        AddState(edit, "read", "--read", "--unread");
        AddState(edit, "favorite", "--favorite", "--unfavorite");
        AddState(edit, "archived", "--archive", "--unarchive");
        AddState(edit, "private", "--private", "--public");
        if (args.Value("--title") is { } title)
        {
            edit["title"] = title;
        }

        if (args.Value("--note") is { } note)
        {
            edit["note"] = note;
        }

        if (edit.Count == 0)
        {
            throw new CliUsageException("Say what to change: linksnap edit ID [--read|--unread] [--favorite|--unfavorite] [--archive|--unarchive] [--private|--public] [--title T] [--note N]");
        }

        var link = await client.SendAsync(HttpMethod.Patch, $"/api/links/{id}", edit, cancellationToken);
        Write(link, () => CliOutput.WriteLinkHeader(output, link));
        return CliApp.Ok;
    }

    private void AddState(Dictionary<string, object> edit, string state, string on, string off)
    {
        if (args.Has(on) && args.Has(off))
        {
            throw new CliUsageException($"{on} and {off} contradict each other; give one.");
        }

        if (args.Has(on) || args.Has(off))
        {
            edit[state] = args.Has(on);
        }
    }

    private async Task<int> TagAsync(CancellationToken cancellationToken)
    {
        var verb = args.Positional.ElementAtOrDefault(1);
        if (verb is not ("add" or "remove") || args.Positional.Count < 4)
        {
            throw new CliUsageException("Use: linksnap tag add ID TAG... or linksnap tag remove ID TAG...");
        }

        var id = args.Id(2, "link");
        var tags = args.Positional.Skip(3).ToList();
        JsonElement link;
        if (verb == "add")
        {
            link = await client.PostAsync($"/api/links/{id}/tags", new { tags }, cancellationToken);
        }
        else
        {
            link = default;
            foreach (var tag in tags)
            {
                link = await client.DeleteAsync($"/api/links/{id}/tags/{Uri.EscapeDataString(tag)}", cancellationToken);
            }
        }

        Write(link, () => output.WriteLine($"Link {id} tags: {string.Join(", ", link.GetProperty("tags").EnumerateArray().Select(t => t.GetString()))}"));
        return CliApp.Ok;
    }

    private async Task<int> OpenAsync(CancellationToken cancellationToken)
    {
        var id = args.Id(1, "link");
        var link = await client.GetAsync($"/api/links/{id}", cancellationToken);
        foreach (var s in link.GetProperty("snapshots").EnumerateArray())
        {
            var detail = await client.GetAsync($"/api/snapshots/{s.GetProperty("id").GetInt64()}", cancellationToken);
            var html = detail.GetProperty("artifacts").EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("kind").GetString() is "html" or "original" && a.GetProperty("status").GetString() == "ok");
            if (html.ValueKind == JsonValueKind.Object && detail.TryGetProperty("folder", out var folder))
            {
                var path = Path.Combine(folder.GetString()!, html.GetProperty("fileName").GetString()!);
                Write(JsonSerializer.SerializeToElement(new { linkId = id, snapshotId = detail.GetProperty("id").GetInt64(), path }), () => output.WriteLine(path));
                return CliApp.Ok;
            }
        }

        error.WriteLine($"linksnap: link {id} has no saved copy yet; see `linksnap show {id}`.");
        return CliApp.NotFound;
    }

    private async Task<int> RecaptureAsync(CancellationToken cancellationToken)
    {
        var id = args.Id(1, "link");
        var accepted = await client.PostAsync($"/api/links/{id}/recapture", new { mode = args.Value("--mode") }, cancellationToken);
        var snapshotId = accepted.GetProperty("snapshotId").GetInt64();
        if (!args.Has("--wait"))
        {
            Write(accepted, () => output.WriteLine($"Queued snapshot {snapshotId} of link {id}."));
            return CliApp.Ok;
        }

        var snapshot = await WaitAsync(snapshotId, TimeSpan.FromSeconds(args.IntValue("--timeout", 300, 1, 3600)), cancellationToken);
        Write(snapshot, () => CliOutput.WriteSnapshot(output, snapshot, id));
        return snapshot.GetProperty("status").GetString() == "done" ? CliApp.Ok : CliApp.Failed;
    }

    private async Task<int> DeleteAsync(CancellationToken cancellationToken)
    {
        var id = args.Id(1, "link");
        await client.DeleteAsync($"/api/links/{id}", cancellationToken);
        Write(JsonSerializer.SerializeToElement(new { deleted = id }), () => output.WriteLine($"Deleted link {id} with its snapshots."));
        return CliApp.Ok;
    }

    private async Task<int> ReindexAsync(CancellationToken cancellationToken)
    {
        var result = await client.PostAsync("/api/reindex", null, cancellationToken);
        Write(result, () =>
        {
            output.WriteLine($"Rebuilt the index from the snapshot folders: {result.GetProperty("links").GetInt32()} links, {result.GetProperty("snapshots").GetInt32()} snapshots.");
            foreach (var skipped in result.GetProperty("skipped").EnumerateArray())
            {
                output.WriteLine($"  skipped {skipped.GetString()}");
            }
        });
        return CliApp.Ok;
    }

    private async Task<int> StatusAsync(string command, CancellationToken cancellationToken)
    {
        var status = await client.GetAsync("/api/status", cancellationToken);
        var library = status.GetProperty("libraryUrl").GetString();
        Write(status, () =>
        {
            if (command == "open-library")
            {
                output.WriteLine(library);
                return;
            }

            var queue = status.GetProperty("queue");
            output.WriteLine($"LinkSnap daemon {status.GetProperty("version").GetString()} is running (pid {status.GetProperty("pid").GetInt32()}).");
            output.WriteLine($"  library: {library}");
            output.WriteLine($"  data:    {status.GetProperty("dataDirectory").GetString()}");
            output.WriteLine($"  queue:   {queue.GetProperty("running").GetInt32()} running, {queue.GetProperty("queued").GetInt32()} queued");
        });
        return CliApp.Ok;
    }

    private async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        var info = DaemonInfo.Read(paths.DaemonInfoPath);
        if (info is null || !await client.IsRunningAsync(cancellationToken))
        {
            Write(JsonSerializer.SerializeToElement(new { stopped = false }), () => output.WriteLine("The daemon is not running."));
            return CliApp.Ok;
        }

        // SIGTERM: an orderly stop puts running jobs back in the queue without counting an attempt.
        if (NativeSignals.Terminate(info.Pid) != 0)
        {
            throw new InvalidOperationException($"could not signal the daemon (pid {info.Pid})");
        }

        var waited = Stopwatch.StartNew();
        while (await client.IsRunningAsync(cancellationToken))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The daemon (pid {info.Pid}) did not stop within 60 s.");
            }

            await Task.Delay(200, cancellationToken);
        }

        Write(JsonSerializer.SerializeToElement(new { stopped = true, pid = info.Pid }), () => output.WriteLine($"Stopped the daemon (pid {info.Pid})."));
        return CliApp.Ok;
    }

    private void AddQuery(List<string> query, string name, string option)
    {
        if (args.Value(option) is { } value)
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    private void Write(JsonElement json, Action human)
    {
        if (Json)
        {
            CliOutput.WriteJson(output, json);
        }
        else
        {
            human();
        }
    }
}
