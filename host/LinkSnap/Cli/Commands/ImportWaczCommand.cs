using LinkSnap.Core.Archive;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap import FILE.wacz [--tag T]... [--json]`: a web archive (from ArchiveWeb.page, Browsertrix or
/// LinkSnap, recognised by its content) goes to the daemon, which turns each page into a link with an
/// imported version holding that page's records.
/// </summary>
public static class ImportWaczCommand
{
    public static async Task<int> RunAsync(CliSession session, string file, IReadOnlyList<string> tags, bool json, CancellationToken cancellationToken)
    {
        var query = "name=" + Uri.EscapeDataString(Path.GetFileName(file)) + string.Concat(tags.Select(t => "&tag=" + Uri.EscapeDataString(t)));
        var client = await session.DaemonAsync(cancellationToken);
        WaczImportResult result;
        await using (var stream = File.OpenRead(file))
        {
            result = await client.SendAsync<WaczImportResult>(HttpMethod.Post, $"/api/imports/wacz?{query}", new StreamContent(stream), cancellationToken);
        }

        session.Write(json, result, () =>
        {
            var output = session.Output;
            output.WriteLine($"{Path.GetFileName(file)}: {result.ImportedFrom}, {result.Imported.Count} pages imported as versions " +
                $"({result.Imported.Count(p => p.NewLink)} new links), {result.Skipped.Count} not imported.");
            foreach (var page in result.Imported)
            {
                output.WriteLine($"  link {page.LinkId}: {page.Url} ({page.Records} records)");
            }

            foreach (var page in result.Skipped)
            {
                output.WriteLine($"  not imported: {page.Url}: {page.Reason}");
            }
        });
        return CliApp.Ok;
    }
}
