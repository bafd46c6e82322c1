using System.CommandLine;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Export;
using LinkSnap.Imports;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap import FILE [--tag T]... [--folders path|last|none] [--no-capture] [--wait] [--dry-run] [--json]`.
/// What the file is decides what happens, judged by its content: a LinkSnap zip export is restored
/// (<see cref="ImportArchiveCommand"/>), a WACZ gives each page an imported version
/// (<see cref="ImportWaczCommand"/>), anything else is a bookmark file for the daemon's importer, whose
/// preview and progress (<see cref="ImportProgressLine"/>) are shown until all links are in the library,
/// or with --wait until every capture has ended too. Captures go on in the background either way; Ctrl+C
/// only stops the watching.
/// </summary>
public static class ImportCommand
{
    private const int ShownInvalid = 20;

    public static Command Create(CliSession session)
    {
        var file = new Argument<string>("FILE") { Description = "bookmarks (Netscape HTML, Pocket, Pinboard, wallabag, Chrome...), a LinkSnap zip export (restored into an empty data directory, daemon stopped) or a WACZ" };
        var tags = CliOptions.Tags();
        var folders = CliOptions.Choice("--folders", "bookmark folders become tags: the whole path (default), the last folder, or none", "path", "last", "none");
        var noCapture = new Option<bool>("--no-capture") { Description = "bookmarks only: queue no captures" };
        var wait = new Option<bool>("--wait") { Description = "follow until every capture has ended" };
        var dryRun = new Option<bool>("--dry-run") { Description = "show what would be imported; import nothing" };
        var json = CliOptions.Json();
        var command = new Command("import", "import bookmarks (a progress line shows links added, captures archived/queued/failed, time left), restore a LinkSnap zip export, or import a WACZ")
        {
            file, tags, folders, noCapture, wait, dryRun, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var tagNames = result.GetValue(tags) ?? [];
            if (File.Exists(path) && (ArchiveRestorer.IsArchive(path) || ArchiveRestorer.IsDamagedZip(path)))
            {
                return await ImportArchiveCommand.RunAsync(session, path, result.GetValue(json), cancellationToken);
            }

            if (File.Exists(path) && WaczSource.IsWacz(path))
            {
                return await ImportWaczCommand.RunAsync(session, path, tagNames, result.GetValue(json), cancellationToken);
            }

            var query = $"name={Uri.EscapeDataString(Path.GetFileName(path))}&folders={Uri.EscapeDataString(result.GetValue(folders) ?? "path")}" +
                string.Concat(tagNames.Select(t => "&tag=" + Uri.EscapeDataString(t))) +
                (result.GetValue(noCapture) ? "&noCapture=true" : "");
            return await ImportBookmarksAsync(session, path, query, result.GetValue(dryRun), result.GetValue(wait), result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ImportBookmarksAsync(CliSession session, string file, string query, bool dryRun, bool wait, bool json, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(file, cancellationToken);
        var client = await session.DaemonAsync(cancellationToken);
        if (dryRun)
        {
            var preview = await client.SendAsync<ImportPreview>(HttpMethod.Post, $"/api/imports/preview?{query}", new ByteArrayContent(bytes), cancellationToken);
            session.Write(json, preview, () =>
            {
                WritePreview(session.Output, preview);
                session.Output.WriteLine("Dry run: nothing was imported.");
            });
            return CliApp.Ok;
        }

        var started = await client.SendAsync<ImportStartedDto>(HttpMethod.Post, $"/api/imports?{query}", new ByteArrayContent(bytes), cancellationToken);
        if (!json)
        {
            WritePreview(session.Output, started.Preview);
        }

        var line = json ? null : new ImportProgressLine(session.Output, terminal: !Console.IsOutputRedirected);
        var progress = started.Import;
        while (progress.Status is "running" || (wait && progress.Status is "capturing"))
        {
            line?.Show(progress);
            await Task.Delay(line?.PollInterval ?? TimeSpan.FromMilliseconds(250), cancellationToken);
            progress = await client.GetAsync<ImportProgress>($"/api/imports/{progress.Id}", cancellationToken);
        }

        line?.Show(progress);
        line?.End();
        session.Write(json, new { import = progress, preview = started.Preview }, () => WriteDone(session.Output, progress));
        return CliApp.Ok;
    }

    /// <summary>By its size first: a file over the cap is never read into memory.</summary>
    private static async Task<byte[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var size = new FileInfo(file).Length;
            if (size > Core.Import.ImportOptions.MaxFileBytes)
            {
                throw new CliUsageException(Core.Import.ImportException.TooLarge(file, size).Message);
            }

            return await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read {file}: {e.Message}");
        }
    }

    private static void WriteDone(TextWriter output, ImportProgress done)
    {
        output.WriteLine($"Import {done.Id}: {done.Created} new links, {done.Merged} merged into links already saved ({done.Status}).");
        output.WriteLine(done.NoCapture
            ? "Bookmarks only: no captures were queued."
            : done.Queued + done.Running is var left and > 0
                ? $"{left} captures queued in the background (they never delay your own captures); follow them on the library's Import page, or with `linksnap import FILE --wait` next time."
                : $"{done.Archived} captures archived, {done.Failed} failed.");
    }

    private static void WritePreview(TextWriter output, ImportPreview preview)
    {
        output.WriteLine($"{preview.FileName}: {preview.Format}, {preview.Entries} entries -> {preview.Links} links " +
            $"({preview.DuplicatesInFile} duplicates in the file, {preview.AlreadySaved} already saved, {preview.Invalid.Count} not importable)");
        foreach (var row in preview.Invalid.Take(ShownInvalid))
        {
            output.WriteLine($"  not imported: {row.Position} {row.Url}: {row.Reason}");
        }

        if (preview.Invalid.Count > ShownInvalid)
        {
            output.WriteLine($"  ... and {preview.Invalid.Count - ShownInvalid} more");
        }
    }
}
