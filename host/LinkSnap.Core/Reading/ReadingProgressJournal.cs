using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkSnap.Core.Reading;

/// <summary>
/// Puts a link's reading progress into links.jsonl (<see cref="LinkJournal"/>), so that `linksnap reindex`
/// from the files alone gives it back (decision 077). The reader saves the fraction at every scroll pause,
/// so a line per save would grow the journal by hundreds of lines per article: the line is written once the
/// link's progress has stayed still for <see cref="QuietPeriod"/>, and at shutdown for those still waiting.
/// A crash loses at most the last <see cref="QuietPeriod"/> of reading, and only for a rebuild from the files:
/// the database has every save.
/// </summary>
public sealed class ReadingProgressJournal(LinkStore store, LinkJournal journal, TimeProvider time, ILogger<ReadingProgressJournal>? logger = null) : IDisposable
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, ITimer> _waiting = [];

    /// <summary>The link's progress was just saved in the database: its line is written after the quiet period, counted from the last save.</summary>
    public void Saved(long linkId)
    {
        lock (_lock)
        {
            if (_waiting.TryGetValue(linkId, out var timer))
            {
                timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
                return;
            }

            _waiting[linkId] = time.CreateTimer(_ => WriteLater(linkId), null, QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Writes the lines of every link still waiting (at shutdown).</summary>
    public void Flush()
    {
        long[] ids;
        lock (_lock)
        {
            ids = [.. _waiting.Keys];
        }

        Write(ids);
    }

    public void Dispose() => Flush();

    /// <summary>A timer's callback: a failure is logged (the database keeps the progress), never thrown on a pool thread.</summary>
    private void WriteLater(long linkId)
    {
        try
        {
            Write([linkId]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            (logger ?? (ILogger)NullLogger.Instance).LogWarning(e, "The reading progress of link {LinkId} was not written to links.jsonl", linkId);
        }
    }

    private void Write(IReadOnlyList<long> linkIds)
    {
        var due = new List<long>(linkIds.Count);
        lock (_lock)
        {
            foreach (var linkId in linkIds)
            {
                if (_waiting.Remove(linkId, out var timer))
                {
                    timer.Dispose();
                    due.Add(linkId);
                }
            }
        }

        if (due.Count > 0)
        {
            // The link as it is now (a deleted one has no line to write); taken under the journal's turn so a
            // delete or a reindex never falls between reading the link and appending its line.
            journal.Serialized(() => journal.Append(store.GetLinks(due)));
        }
    }
}
