using System.CommandLine;
using System.Text.Json;
using LinkSnap.Core.Archive;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap verify FILE.wacz`: checks a web archive offline (no daemon): file hashes against
/// datapackage.json, WARC block and payload digests, and the CDXJ index. Exit 0 intact, 1 damaged.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliSession session)
    {
        var file = new Argument<string>("FILE.wacz") { Description = "the web archive to check" };
        var json = CliOptions.Json();
        var command = new Command("verify", "check a web archive: file hashes, WARC digests, index (offline)") { file, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                session.Error.WriteLine($"linksnap: {path} does not exist.");
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

            if (result.GetValue(json))
            {
                session.Output.WriteLine(JsonSerializer.Serialize(new { valid = report.IsValid, report.Problems, report.Records, report.IndexLines, partial = report.PartialReason }));
            }
            else
            {
                foreach (var problem in report.Problems)
                {
                    session.Output.WriteLine("problem: " + problem);
                }

                session.Output.WriteLine(report.IsValid
                    ? $"{path}: intact ({report.Records} WARC records, {report.IndexLines} index lines, every hash and digest matches){(report.PartialReason is null ? "" : $"; partial: {report.PartialReason}")}"
                    : $"{path}: DAMAGED ({report.Problems.Count} problems)");
            }

            return report.IsValid ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }
}
