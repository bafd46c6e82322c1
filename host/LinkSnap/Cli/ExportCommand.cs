using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap export`: downloads GET /api/export into a file (or stdout with --output -), streamed,
/// so a whole-library archive never sits in memory.
/// </summary>
public sealed class ExportCommand(DaemonClient client, CliArguments args, TextWriter output)
{
    public const string Usage = "export [--format html|json|csv|zip] [--tag T]... [--search Q] [--ids 1,2] [--output FILE|-]";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var query = new List<string> { "format=" + Uri.EscapeDataString(args.Value("--format") ?? "json") };
        query.AddRange(args.All("--tag").Select(t => "tag=" + Uri.EscapeDataString(t)));
        Add(query, "tagMode", "--tag-mode");
        Add(query, "q", "--search");
        Add(query, "site", "--site");
        Add(query, "status", "--status");
        Add(query, "ids", "--ids");
        var target = args.Value("--output");
        string? written = null;
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
            if (args.Has("--json"))
            {
                CliOutput.WriteJson(output, JsonSerializer.SerializeToElement(new { path = written, bytes }));
            }
            else
            {
                output.WriteLine($"Exported to {written} ({bytes:N0} bytes).");
            }
        }

        return CliApp.Ok;
    }

    private void Add(List<string> query, string name, string option)
    {
        if (args.Value(option) is { } value)
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
