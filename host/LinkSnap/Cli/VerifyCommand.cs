using System.Text.Json;
using LinkSnap.Core.Archive;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap verify FILE.wacz`: checks a web archive offline (no daemon): file hashes against
/// datapackage.json, WARC block and payload digests, and the CDXJ index. Exit 0 intact, 1 damaged.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 2)
        {
            error.WriteLine("linksnap: Give exactly one file: linksnap verify FILE.wacz");
            return CliApp.Usage;
        }

        var path = args.Positional[1];
        if (!File.Exists(path))
        {
            error.WriteLine($"linksnap: {path} does not exist.");
            return CliApp.NotFound;
        }

        WaczReport report;
        try
        {
            report = await WaczVerifier.VerifyAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or IOException)
        {
            report = new WaczReport([$"not a readable WACZ file: {e.Message}"], 0, 0, null);
        }

        if (args.Has("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(new { valid = report.IsValid, report.Problems, report.Records, report.IndexLines, partial = report.PartialReason }));
        }
        else
        {
            foreach (var problem in report.Problems)
            {
                output.WriteLine("problem: " + problem);
            }

            output.WriteLine(report.IsValid
                ? $"{path}: intact ({report.Records} WARC records, {report.IndexLines} index lines, every hash and digest matches){(report.PartialReason is null ? "" : $"; partial: {report.PartialReason}")}"
                : $"{path}: DAMAGED ({report.Problems.Count} problems)");
        }

        return report.IsValid ? CliApp.Ok : CliApp.Failed;
    }
}
