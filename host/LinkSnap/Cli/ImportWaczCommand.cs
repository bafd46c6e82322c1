using System.Text.Json;
using LinkSnap.Core.Archive;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap import FILE.wacz [--tag T]... [--json]`: a web archive (from ArchiveWeb.page, Browsertrix or
/// LinkSnap, recognised by its content) goes to the daemon, which turns each page into a link with an
/// imported version holding that page's records.
/// </summary>
public sealed class ImportWaczCommand(DaemonClient client, CliArguments args, TextWriter output)
{
    public static bool Handles(CliArguments args) =>
        args.Positional.Count == 2 && File.Exists(args.Positional[1]) && WaczSource.IsWacz(args.Positional[1]);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var file = args.Positional[1];
        var query = "name=" + Uri.EscapeDataString(Path.GetFileName(file)) + string.Concat(args.All("--tag").Select(t => "&tag=" + Uri.EscapeDataString(t)));
        JsonElement result;
        await using (var stream = File.OpenRead(file))
        {
            result = await client.PostAsync($"/api/imports/wacz?{query}", new StreamContent(stream), cancellationToken);
        }

        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, result);
            return CliApp.Ok;
        }

        var imported = result.GetProperty("imported");
        var skipped = result.GetProperty("skipped");
        output.WriteLine($"{Path.GetFileName(file)}: {result.GetProperty("importedFrom").GetString()}, {imported.GetArrayLength()} pages imported as versions " +
            $"({imported.EnumerateArray().Count(p => p.GetProperty("newLink").GetBoolean())} new links), {skipped.GetArrayLength()} not imported.");
        foreach (var page in imported.EnumerateArray())
        {
            output.WriteLine($"  link {page.GetProperty("linkId").GetInt64()}: {page.GetProperty("url").GetString()} ({page.GetProperty("records").GetInt32()} records)");
        }

        foreach (var page in skipped.EnumerateArray())
        {
            output.WriteLine($"  not imported: {page.GetProperty("url").GetString()}: {page.GetProperty("reason").GetString()}");
        }

        return CliApp.Ok;
    }
}
