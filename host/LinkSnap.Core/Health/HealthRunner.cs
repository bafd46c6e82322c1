using System.Collections.Concurrent;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using Microsoft.Extensions.Options;

namespace LinkSnap.Core.Health;

/// <summary>
/// Runs health checks, scheduled or asked for, politely: one request at a time per site with
/// Health:HostGap between them, at most Health:MaxConcurrency sites at once, and never two checks
/// of one link at the same time (a second request for it waits for the running one).
/// Every check is recorded with its next scheduled time (missed checks therefore run once).
/// </summary>
public sealed class HealthRunner(
    LinkStore store, HealthChecker checker, SnapshotFolders folders, IOptions<HealthOptions> options, TimeProvider time, HealthJournal? journal = null)
{
    /// <summary>The saved text is compared for its first words only, like the page's capped GET.</summary>
    private const int SavedTextChars = 64 * 1024;

    private readonly HealthOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrency);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Task<HealthCheck?>> _running = [];

    public async Task<IReadOnlyList<HealthCheck>> CheckAsync(IEnumerable<HealthTarget> targets, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(targets.Select(t => Start(t, cancellationToken)));
        return checks.OfType<HealthCheck>().ToList();
    }

    private Task<HealthCheck?> Start(HealthTarget target, CancellationToken cancellationToken)
    {
        lock (_running)
        {
            if (!_running.TryGetValue(target.LinkId, out var running))
            {
                running = RunOneAsync(target, cancellationToken);
                _running[target.LinkId] = running;
            }

            return running;
        }
    }

    private async Task<HealthCheck?> RunOneAsync(HealthTarget target, CancellationToken cancellationToken)
    {
        await Task.Yield(); // return to Start before any work, so a finished check is removed after it was added
        try
        {
            var site = _sites.GetOrAdd(target.Site, _ => new SemaphoreSlim(1));
            await site.WaitAsync(cancellationToken);
            try
            {
                await _slots.WaitAsync(cancellationToken);
                HealthProbe probe;
                try
                {
                    probe = await checker.CheckAsync(new Uri(target.Url), SavedText(target), cancellationToken);
                }
                finally
                {
                    _slots.Release();
                }

                var next = _options.Period == SchedulePeriod.Off ? (DateTimeOffset?)null
                    : ScheduleRule.NextDue(_options.Period, Key(target.LinkId), time.GetUtcNow());
                var check = Journalled(target, store.Health.RecordHealth(target.LinkId, probe, _options, next));
                await Task.Delay(_options.HostGap, time, cancellationToken);
                return check;
            }
            finally
            {
                site.Release();
            }
        }
        catch (UriFormatException e)
        {
            return Journalled(target, store.Health.RecordHealth(target.LinkId, new HealthProbe(HealthState.Unknown, null, $"Not a checkable address: {e.Message}"), _options));
        }
        finally
        {
            lock (_running)
            {
                _running.Remove(target.LinkId);
            }
        }
    }

    /// <summary>After SQLite has the check, health.jsonl gets it too (a reindex into a new database restores it from there).</summary>
    private HealthCheck? Journalled(HealthTarget target, HealthCheck? check)
    {
        if (check is not null)
        {
            journal?.Append(target.Url, check);
        }

        return check;
    }

    /// <summary>The schedule key of a link's health checks (its slot in each period is stable across restarts).</summary>
    public static string Key(long linkId) => $"health:{linkId}";

    private string? SavedText(HealthTarget target)
    {
        if (target.LatestFolder is null)
        {
            return null;
        }

        var folder = folders.Resolve(target.LatestFolder);
        var path = new[] { Core.Capture.ArtifactFiles.ArticleText, SnapshotFolders.SearchTextFileName }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        using var reader = new StreamReader(path);
        var buffer = new char[SavedTextChars];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
    }
}
