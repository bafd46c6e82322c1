using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap import FILE [--tag T]... [--folders path|last|none] [--no-capture] [--wait] [--dry-run] [--json]`:
/// sends the file to the daemon, which detects its format; shows the preview, then the progress
/// (<see cref="ImportProgressLine"/>) until all links are in the library, or with --wait until every capture
/// has ended too. Captures go on in the background either way; Ctrl+C only stops the watching.
/// </summary>
public sealed class ImportCommand(DaemonClient client, CliArguments args, TextWriter output)
{
    private const int ShownInvalid = 20;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 2)
        {
            throw new CliUsageException("Give one file: linksnap import FILE [--tag T]... [--folders path|last|none] [--no-capture] [--wait] [--dry-run]");
        }

        var file = args.Positional[1];
        byte[] bytes;
        try
        {
            // By its size first: a file over the cap is never read into memory.
            var size = new FileInfo(file).Length;
            if (size > Core.Import.ImportOptions.MaxFileBytes)
            {
                throw new CliUsageException(Core.Import.ImportException.TooLarge(file, size).Message);
            }

            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read {file}: {e.Message}");
        }

        var query = $"name={Uri.EscapeDataString(Path.GetFileName(file))}&folders={Uri.EscapeDataString(args.Value("--folders") ?? "path")}" +
            string.Concat(args.All("--tag").Select(t => "&tag=" + Uri.EscapeDataString(t))) +
            (args.Has("--no-capture") ? "&noCapture=true" : "");
        if (args.Has("--dry-run"))
        {
            var preview = await client.PostAsync($"/api/imports/preview?{query}", new ByteArrayContent(bytes), cancellationToken);
            Write(preview, null);
            return CliApp.Ok;
        }

        var started = await client.PostAsync($"/api/imports?{query}", new ByteArrayContent(bytes), cancellationToken);
        var id = started.GetProperty("import").GetProperty("id").GetInt64();
        if (!args.Has("--json"))
        {
            WritePreview(started.GetProperty("preview"));
        }

        var line = args.Has("--json") ? null : new ImportProgressLine(output, terminal: !Console.IsOutputRedirected);
        var wait = args.Has("--wait");
        var progress = started.GetProperty("import");
        while (progress.GetProperty("status").GetString() is "running" || (wait && progress.GetProperty("status").GetString() is "capturing"))
        {
            line?.Show(progress);
            await Task.Delay(line?.PollInterval ?? TimeSpan.FromMilliseconds(250), cancellationToken);
            progress = await client.GetAsync($"/api/imports/{id}", cancellationToken);
        }

        line?.Show(progress);
        line?.End();
        Write(started.GetProperty("preview"), progress);
        return CliApp.Ok;
    }

    private void Write(JsonElement preview, JsonElement? progress)
    {
        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, progress is { } p ? new { import = p, preview } : preview);
            return;
        }

        if (progress is not { } done)
        {
            WritePreview(preview);
            output.WriteLine("Dry run: nothing was imported.");
            return;
        }

        output.WriteLine($"Import {done.GetProperty("id").GetInt64()}: {done.GetProperty("created").GetInt32()} new links, {done.GetProperty("merged").GetInt32()} merged into links already saved ({done.GetProperty("status").GetString()}).");
        output.WriteLine(done.GetProperty("noCapture").GetBoolean()
            ? "Bookmarks only: no captures were queued."
            : done.GetProperty("queued").GetInt32() + done.GetProperty("running").GetInt32() is var left and > 0
                ? $"{left} captures queued in the background (they never delay your own captures); follow them on the library's Import page, or with `linksnap import FILE --wait` next time."
                : $"{done.GetProperty("archived").GetInt32()} captures archived, {done.GetProperty("failed").GetInt32()} failed.");
    }

    private void WritePreview(JsonElement preview)
    {
        output.WriteLine($"{preview.GetProperty("fileName").GetString()}: {preview.GetProperty("format").GetString()}, {preview.GetProperty("entries").GetInt32()} entries -> {preview.GetProperty("links").GetInt32()} links " +
            $"({preview.GetProperty("duplicatesInFile").GetInt32()} duplicates in the file, {preview.GetProperty("alreadySaved").GetInt32()} already saved, {preview.GetProperty("invalid").GetArrayLength()} not importable)");
        foreach (var row in preview.GetProperty("invalid").EnumerateArray().Take(ShownInvalid))
        {
            output.WriteLine($"  not imported: {row.GetProperty("position").GetString()} {row.GetProperty("url").GetString()}: {row.GetProperty("reason").GetString()}");
        }

        if (preview.GetProperty("invalid").GetArrayLength() > ShownInvalid)
        {
            output.WriteLine($"  ... and {preview.GetProperty("invalid").GetArrayLength() - ShownInvalid} more");
        }
    }
}
