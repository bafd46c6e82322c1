using LinkSnap.Core.Storage;

namespace LinkSnap.Jobs;

/// <summary>
/// The per-site gap between background captures: a site rests for Background:HostGap after each one
/// ends. Kept in memory on the injected clock; at start it is derived again from the job rows (when each
/// site's last background capture ended), so a restart does not let a site be hit again before its gap.
/// </summary>
public sealed class HostPoliteness(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _restingUntil = new(StringComparer.Ordinal);

    /// <summary>A background capture of the site has started: it rests until the capture ends and its gap has passed.</summary>
    public void Busy(string site)
    {
        lock (_restingUntil)
        {
            _restingUntil[site] = DateTimeOffset.MaxValue;
        }
    }

    public void Rest(string site, TimeSpan gap)
    {
        lock (_restingUntil)
        {
            _restingUntil[site] = time.GetUtcNow() + gap;
        }
    }

    /// <summary>At start: sites whose last background capture ended less than <paramref name="gap"/> ago rest for the rest of it.</summary>
    public void Resume(LinkStore store, TimeSpan gap)
    {
        if (gap <= TimeSpan.Zero)
        {
            return;
        }

        lock (_restingUntil)
        {
            foreach (var (site, at) in store.Jobs.LastBackgroundCaptures(time.GetUtcNow() - gap))
            {
                _restingUntil[site] = at + gap;
            }
        }
    }

    /// <summary>When the first resting site may start again (sites busy with a capture excluded: its end wakes the queue); null when none rests.</summary>
    public DateTimeOffset? NextRestEnd()
    {
        var now = time.GetUtcNow();
        lock (_restingUntil)
        {
            var ends = _restingUntil.Values.Where(until => until > now && until != DateTimeOffset.MaxValue).ToList();
            return ends.Count == 0 ? null : ends.Min();
        }
    }

    /// <summary>Sites that must not start a background capture now.</summary>
    public IReadOnlyCollection<string> RestingSites()
    {
        var now = time.GetUtcNow();
        lock (_restingUntil)
        {
            foreach (var site in _restingUntil.Where(r => r.Value <= now).Select(r => r.Key).ToList())
            {
                _restingUntil.Remove(site);
            }

            return [.. _restingUntil.Keys];
        }
    }
}
