using System.CommandLine;
using LinkSnap.Api;
using LinkSnap.Core.Storage;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap capture URL [--tag T]... [--note N] [--mode fresh|as-seen] [--wait] [--timeout S]`, or many
/// URLs (arguments, or stdin with -): one line per URL; over 20 go to the background queue.
/// </summary>
public static class CaptureCommand
{
    public static Command Create(CliSession session)
    {
        var urls = new Argument<string[]>("URL") { Description = "the page to save; several URLs, or - to read them from stdin (lines, spaces, commas, Markdown links)", Arity = ArgumentArity.OneOrMore };
        var (tags, note, mode, wait, timeout, json) = (CliOptions.Tags(), CliOptions.Note(), CliOptions.Mode(), CliOptions.Wait(), CliOptions.Timeout(), CliOptions.Json());
        var command = new Command("capture", "save a page (--wait shows progress and the saved files); many URLs get one line each, over 20 go to the background queue")
        {
            urls, tags, note, mode, wait, timeout, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var words = result.GetValue(urls)!;
            var client = await session.DaemonAsync(cancellationToken);
            if (words.Length > 1 || words[0] == "-")
            {
                if (result.GetValue(wait) || result.GetValue(mode) is not null)
                {
                    throw new CliUsageException("--wait and --mode take one URL; many URLs are queued as fresh captures.");
                }

                return await CaptureListAsync(session, client, words, result.GetValue(tags) ?? [], result.GetValue(note), result.GetValue(json), cancellationToken);
            }

            var accepted = await client.SendAsync<CaptureAcceptedDto>(HttpMethod.Post, "/api/captures",
                new { url = words[0], tags = result.GetValue(tags) ?? [], note = result.GetValue(note), mode = result.GetValue(mode) }, cancellationToken);
            if (!result.GetValue(wait))
            {
                session.Write(result.GetValue(json), accepted, () => session.Output.WriteLine($"Queued snapshot {accepted.SnapshotId} of link {accepted.LinkId}. Follow it with `linksnap show {accepted.LinkId}`."));
                return CliApp.Ok;
            }

            var snapshot = await SnapshotWaiter.WaitAsync(session, accepted.SnapshotId, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellationToken);
            session.Write(result.GetValue(json), snapshot, () => CliOutput.WriteSnapshot(session.Output, snapshot, accepted.LinkId));
            return snapshot.Status == SnapshotStatus.Done ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }

    /// <summary>Many URLs: one line per URL, --json the array of items; a refused URL makes the exit code 2.</summary>
    private static async Task<int> CaptureListAsync(CliSession session, DaemonClient client, string[] words, string[] tags, string? note, bool json, CancellationToken cancellationToken)
    {
        var text = string.Join('\n', words.Where(w => w != "-"));
        if (words.Contains("-"))
        {
            text += "\n" + await session.Input.ReadToEndAsync(cancellationToken);
        }

        var list = await client.SendAsync<CaptureListResult>(HttpMethod.Post, "/api/captures/list", new { text, tags, note }, cancellationToken);
        session.Write(json, list.Items, () => CliOutput.WriteCaptureList(session.Output, list));
        return list.Items.Any(i => i.Status == CaptureListItem.Invalid) ? CliApp.Usage : CliApp.Ok;
    }
}
