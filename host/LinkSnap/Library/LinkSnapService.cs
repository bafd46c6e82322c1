using System.Text;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using LinkSnap.Daemon;
using LinkSnap.Jobs;
using LinkSnap.Shared;
using Microsoft.Extensions.Options;

namespace LinkSnap.Library;

/// <summary>
/// What a person can do with the library, in one place, for every way in (the HTTP API, the CLI
/// through it, native messages): validates input, changes the store, keeps snapshot.json files in
/// step, wakes the queue and publishes job events. Endpoints call these methods, never the store. Throws <see cref="UrlRejectedException"/>/<see cref="ArgumentException"/>
/// for bad input, <see cref="ContentTooLargeException"/>, <see cref="NotFoundException"/>, <see cref="TagInUseException"/> and <see cref="QueueFullException"/>.
/// </summary>
public sealed class LinkSnapService(LinkStore store, SnapshotFolders folders, LinkJournal journal, CaptureQueue queue, JobEvents events, Reindexer reindexer, IOptions<DaemonOptions> options)
{

    public CaptureTicket Capture(CaptureInput input)
    {
        var url = UrlRules.Parse(input.Url);
        var mode = ParseMode(input.Mode);
        EnsureRoomInQueue(1);
        IReadOnlyList<string>? tags = input.UseDefaultTags == true ? [.. input.Tags ?? [], .. store.DefaultTags.Get()] : input.Tags;
        TagName.NormalizeAll(tags);
        if (mode == CaptureMode.AsSeen && string.IsNullOrEmpty(input.Html))
        {
            throw new ArgumentException("An as-seen capture needs the page's HTML in 'html'; use mode 'fresh' to let LinkSnap load the page itself.");
        }

        var inputPath = SaveInput(mode, input.Html);
        var ticket = journal.Serialized(() =>
        {
            var added = store.AddCapture(url, tags, input.Note, mode, inputPath);
            journal.Append(store.GetLinks([added.LinkId]));
            return added;
        });
        Queued(ticket.SnapshotId, ticket.LinkId);
        return ticket;
    }

    public long Recapture(long linkId, string? mode, string? html = null)
    {
        var captureMode = ParseMode(mode);
        EnsureRoomInQueue(1);
        var snapshotId = store.Snapshots.AddSnapshot(linkId, captureMode, SaveInput(captureMode, html)) ?? throw LinkNotFound(linkId);
        Queued(snapshotId, linkId);
        return snapshotId;
    }

    public void Retry(long snapshotId)
    {
        var snapshot = store.Snapshots.GetSnapshot(snapshotId) ?? throw SnapshotNotFound(snapshotId);
        EnsureRoomInQueue(1);
        if (!store.Jobs.RetrySnapshot(snapshotId))
        {
            throw new ArgumentException($"Snapshot {snapshotId} is {StorageText.Status(snapshot.Status)}; only failed or partial snapshots can be retried.");
        }

        Queued(snapshotId, snapshot.LinkId);
    }

    public LinkRecord GetLink(long id) => store.GetLink(id) ?? throw LinkNotFound(id);

    public LinkPage ListLinks(LinkListQuery query) => store.Listing.ListLinks(query);

    /// <summary>Every version of a link, newest first.</summary>
    public IReadOnlyList<SnapshotRecord> ListSnapshots(long linkId) => store.Snapshots.ListSnapshots(linkId);

    public IReadOnlyList<TagCount> ListTags() => store.Tags.ListTags();

    /// <summary>The queue as a person follows it: active jobs first (oldest first), then the latest finished (GET /api/jobs, the recent message).</summary>
    public IReadOnlyList<SnapshotRecord> RecentJobs(int limit) => store.Jobs.ListJobs(limit);

    /// <summary>Jobs waiting and running now (GET /api/status, the ping message).</summary>
    public (int Queued, int Running) QueueCounts() => store.Jobs.CountActiveJobs();

    /// <summary>The most used tags starting with a prefix (the extension's tag field).</summary>
    public IReadOnlyList<TagCount> SuggestTags(string prefix, int limit) => store.Tags.SuggestTags(prefix, limit);

    /// <summary>How many more user captures the queue takes now (Daemon:MaxQueuedCaptures less those waiting).</summary>
    public int RoomInQueue() => options.Value.MaxQueuedCaptures - store.Jobs.CountQueuedUserCaptures();

    public SnapshotRecord GetSnapshot(long id) => store.Snapshots.GetSnapshot(id) ?? throw SnapshotNotFound(id);

    public LinkRecord UpdateLink(long id, string? title, string? note, IEnumerable<string>? tags, LinkStatesEdit? states = null)
    {
        return journal.Serialized(() =>
        {
            var link = store.UpdateLink(id, title, note, tags, states) ?? throw LinkNotFound(id);
            RefreshDocuments([id]);
            return link;
        });
    }

    public LinkRecord AddTags(long id, IEnumerable<string> tags)
    {
        journal.Serialized(() =>
        {
            if (!store.Tags.AddTags(id, tags))
            {
                throw LinkNotFound(id);
            }

            RefreshDocuments([id]);
        });
        return GetLink(id);
    }

    public LinkRecord RemoveTag(long id, string tag)
    {
        journal.Serialized(() =>
        {
            if (!store.Tags.RemoveTag(id, tag))
            {
                throw LinkNotFound(id);
            }

            RefreshDocuments([id]);
        });
        return GetLink(id);
    }

    public void DeleteLink(long id)
    {
        if (!TryDelete(id))
        {
            throw LinkNotFound(id);
        }
    }

    public void DeleteSnapshot(long id)
    {
        var snapshot = store.Snapshots.GetSnapshot(id) ?? throw SnapshotNotFound(id);
        journal.Serialized(() =>
        {
            folders.Delete(store.Snapshots.DeleteSnapshot(id) ?? throw SnapshotNotFound(id));
            journal.Append(store.GetLinks([snapshot.LinkId])); // its last version may be gone: links.jsonl keeps the link
        });
    }

    /// <summary>The default tags, in the person's order.</summary>
    public IReadOnlyList<string> DefaultTags() => store.DefaultTags.Get();

    /// <summary>Replaces the default tags; returns them normalized. Throws ArgumentException for a tag that is not valid.</summary>
    public IReadOnlyList<string> SetDefaultTags(IReadOnlyList<string>? tags) =>
        store.DefaultTags.Set(tags ?? throw new ArgumentException("Send {\"tags\": [\"a\", \"b\"]} (an empty list clears them)."));

    public int RenameTag(string from, string to) => EditTags(store.Tags.TagSubtree(from), () => store.Tags.RenameTag(from, to), from);

    public int MergeTags(IReadOnlyList<string> from, string into) => EditTags(from, () => store.Tags.MergeTags(from, into), string.Join(", ", from));

    public void DeleteTag(string name, bool force) => journal.Serialized(() =>
    {
        var links = store.Tags.FindLinkIdsWithTag(name);
        if (!store.Tags.DeleteTag(name, force))
        {
            throw new NotFoundException($"There is no tag '{name}'.");
        }

        RefreshDocuments(links);
    });

    /// <summary>Applies one action to many links; unknown ids are skipped. Returns how many links were affected.</summary>
    public int Bulk(IReadOnlyList<long> linkIds, string? action, string? tag) => journal.Serialized(() => BulkNow(linkIds, action, tag));

    private int BulkNow(IReadOnlyList<long> linkIds, string? action, string? tag)
    {
        if (BulkStates(action) is { } states)
        {
            var changed = store.SetStates(linkIds, states);
            RefreshDocuments(changed);
            return changed.Count;
        }

        Func<long, bool> apply = action switch
        {
            "add-tag" => id => store.Tags.AddTags(id, [RequireTag(tag)]),
            "remove-tag" => id => store.Tags.RemoveTag(id, RequireTag(tag)),
            "recapture" => id => TryRecapture(id),
            "delete" => id => TryDelete(id),
            _ => throw new ArgumentException($"Unknown bulk action '{action}'; use add-tag, remove-tag, recapture, delete, read, unread, favorite, unfavorite, archive or unarchive."),
        };
        if (action == "recapture")
        {
            EnsureRoomInQueue(linkIds.Distinct().Count()); // all or nothing, not a cut-off half
        }

        var affected = linkIds.Distinct().Where(apply).ToList();
        if (action is "add-tag" or "remove-tag")
        {
            RefreshDocuments(affected);
        }

        return affected.Count;
    }

    /// <summary>The bulk actions that set a state (the library's selection bar); null for the others.</summary>
    private static LinkStatesEdit? BulkStates(string? action) => action switch
    {
        "read" => new LinkStatesEdit(Read: true),
        "unread" => new LinkStatesEdit(Read: false),
        "favorite" => new LinkStatesEdit(Favorite: true),
        "unfavorite" => new LinkStatesEdit(Favorite: false),
        "archive" => new LinkStatesEdit(Archived: true),
        "unarchive" => new LinkStatesEdit(Archived: false),
        _ => null,
    };

    public LinkRecord? Lookup(string? url) => store.FindLinkByUrl(UrlRules.Parse(url));

    public ReindexResult Reindex() => reindexer.Rebuild();

    private static CaptureMode ParseMode(string? mode) =>
        StorageText.TryParseMode(mode, out var parsed) && parsed != CaptureMode.Imported ? parsed : throw new ArgumentException($"Unknown capture mode '{mode}'; use 'fresh' or 'as-seen'.");

    private string? SaveInput(CaptureMode mode, string? html)
    {
        if (mode != CaptureMode.AsSeen || html is null)
        {
            return null;
        }

        // In UTF-8 bytes, as the extension counts them; a string longer than the limit is over it whatever it holds.
        var bytes = html.Length > Limits.MaxHtmlBytes ? html.Length : Encoding.UTF8.GetByteCount(html);
        return bytes > Limits.MaxHtmlBytes
            ? throw new ContentTooLargeException($"The page HTML is {bytes / 1_000_000} MB; the limit is {Limits.MaxHtmlBytes / 1_000_000} MB. Use mode 'fresh'.")
            : folders.SaveInput(html);
    }

    /// <summary>Refuses user captures beyond Daemon:MaxQueuedCaptures (background work is not counted).</summary>
    private void EnsureRoomInQueue(int adding)
    {
        var queued = store.Jobs.CountQueuedUserCaptures();
        if (queued + adding > options.Value.MaxQueuedCaptures)
        {
            throw new QueueFullException(queued, options.Value.MaxQueuedCaptures);
        }
    }

    private void Queued(long snapshotId, long linkId)
    {
        events.Publish(new JobEvent(snapshotId, linkId, SnapshotStatus.Queued, null, null));
        queue.Notify();
    }

    private int EditTags(IEnumerable<string> tags, Func<int> edit, string described) => journal.Serialized(() =>
    {
        var links = tags.SelectMany(store.Tags.FindLinkIdsWithTag).Distinct().ToList();
        var affected = edit();
        if (affected < 0)
        {
            throw new NotFoundException($"There is no tag '{described}'.");
        }

        RefreshDocuments(links);
        return affected;
    });

    /// <summary>links.jsonl and snapshot.json carry the link's tags, note, title and states, so that reindex restores them.</summary>
    private void RefreshDocuments(IEnumerable<long> linkIds)
    {
        var links = store.GetLinks(linkIds.Distinct());
        journal.Append(links);
        foreach (var link in links)
        {
            var linkId = link.Id;
            var info = SnapshotLinkInfo.From(link);
            foreach (var snapshot in store.Snapshots.ListSnapshots(linkId).Where(s => s.Folder is not null))
            {
                folders.UpdateLinkInfo(snapshot.Folder!, info);
            }
        }
    }

    private bool TryRecapture(long id)
    {
        try
        {
            Recapture(id, null);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private bool TryDelete(long id) => journal.Serialized(() =>
    {
        var link = store.GetLink(id);
        var files = store.DeleteLink(id);
        if (files is not null)
        {
            journal.AppendDeleted(link!);
            folders.Delete(files);
        }

        return files is not null;
    });

    private static string RequireTag(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? throw new ArgumentException("This bulk action needs a 'tag'.") : tag;

    private static NotFoundException LinkNotFound(long id) => new($"There is no link {id}; it may have been deleted.");

    private static NotFoundException SnapshotNotFound(long id) => new($"There is no snapshot {id}; it may have been deleted.");
}
