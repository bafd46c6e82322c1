using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Import;
using LinkSnap.Core.Import.Formats;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using LinkSnap.Daemon;
using LinkSnap.Imports;
using Microsoft.Extensions.Options;

namespace LinkSnap.Api;

/// <summary>
/// Many URLs at once (the library's Add box, `linksnap capture URL URL…`): the pasted text is read by the
/// import's URL-list format and planned by the import's rules (one link per normalized URL, refused entries
/// with reasons, the same tags on each). A short list that fits the user queue becomes user captures, which
/// run first; a longer one becomes a background import, so a pasted list never fills the user queue and
/// never meets its 429 (decision 042). Already saved URLs get a new version, as a single capture does, and
/// say so. A bare "example.org/page" gets https://, and a private address the capture would refuse is
/// refused here, before anything is queued (issue 17 item 8).
/// </summary>
public sealed class CaptureList(LinkSnapService service, ImportService imports, IOptions<DaemonOptions> options, IOptions<CaptureOptions> capture)
{
    /// <summary>Up to this many URLs are user captures; more go through the import's background queue.</summary>
    public const int MaxUserCaptures = 20;

    public const string Source = "pasted list";

    public CaptureListResult Capture(CaptureListInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new ArgumentException("Send the URLs as \"text\": one per line, or separated by spaces or commas.");
        }

        var importOptions = new ImportOptions { ExtraTags = [.. input.Tags ?? []] };
        var parsed = new UrlListFormat().Parse(new ImportText(Source, input.Text), importOptions);
        var entries = parsed.Entries.Select(e => e with { Url = UrlRules.AssumeHttps(e.Url) }).ToList();
        var refused = entries
            .Select(e => (entry: e, reason: UrlRules.TryParse(e.Url, out var url, out _) ? UpFrontRefusal.PrivateAddress(url!, capture.Value) : null))
            .Where(x => x.reason is not null)
            .ToList();
        var planned = ImportPlanner.Plan(parsed with { Entries = [.. entries.Except(refused.Select(x => x.entry))] }, importOptions);
        var plan = planned with
        {
            EntryCount = planned.EntryCount + refused.Count,
            Rejected = [.. planned.Rejected, .. refused.Select(x => new ImportRejection(x.entry.Position, x.entry.Url, x.reason!))],
        };
        var invalid = plan.Rejected.Select(r => new CaptureListItem(r.Url, CaptureListItem.Invalid) { Position = r.Position, Reason = r.Reason });
        var room = options.Value.MaxQueuedCaptures - service.Store.CountQueuedUserCaptures();
        if (plan.Links.Count <= Math.Min(MaxUserCaptures, room))
        {
            var queued = plan.Links.Select(link =>
            {
                var ticket = service.Capture(new CaptureInput { Url = link.Url.OriginalString, Tags = link.Tags, Note = input.Note });
                return new CaptureListItem(link.Url.OriginalString, CaptureListItem.Queued) { LinkId = ticket.LinkId, SnapshotId = ticket.SnapshotId, AlreadySaved = !ticket.LinkCreated };
            }).ToList();
            return new CaptureListResult([.. queued, .. invalid], plan.DuplicatesInFile, null);
        }

        var import = imports.Start(Source, plan, noCapture: false);
        return new CaptureListResult(
            [.. plan.Links.Select(l => new CaptureListItem(l.Url.OriginalString, CaptureListItem.Background) { ImportId = import.Id }), .. invalid],
            plan.DuplicatesInFile,
            import);
    }
}

/// <summary>Body of POST /api/captures/list.</summary>
public sealed record CaptureListInput(string? Text, IReadOnlyList<string>? Tags, string? Note = null);

/// <summary>
/// One URL of the list: queued (a user capture: LinkId, SnapshotId), background (in import ImportId) or
/// invalid (Position and Reason).
/// </summary>
public sealed record CaptureListItem(string Url, string Status)
{
    public const string Queued = "queued";
    public const string Background = "background";
    public const string Invalid = "invalid";

    public long? LinkId { get; init; }
    public long? SnapshotId { get; init; }

    /// <summary>For a queued URL: true when the link was already in the library (the capture is a new version of it).</summary>
    public bool? AlreadySaved { get; init; }

    public long? ImportId { get; init; }
    public string? Position { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Answer of POST /api/captures/list: every URL in order (valid ones, then refused ones), duplicates merged, and the import for long lists.</summary>
public sealed record CaptureListResult(IReadOnlyList<CaptureListItem> Items, int Duplicates, ImportProgress? Import);
