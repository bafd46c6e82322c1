namespace LinkSnap.Core.Health;

/// <summary>
/// Turns a probe into the state to record, using the link's history: a failure that may pass
/// (connection refused, TLS, timeout, 5xx) is "unknown" until it has happened
/// <see cref="HealthOptions.FailuresBeforeGone"/> checks in a row and the first of them is at least
/// <see cref="HealthOptions.FailureSpan"/> old; then the link is "gone".
/// </summary>
public static class HealthRule
{
    /// <param name="history">The link's earlier checks, newest first (only the recent ones are read).</param>
    public static HealthCheck Decide(long linkId, HealthProbe probe, IReadOnlyList<HealthCheck> history, DateTimeOffset now, HealthOptions options)
    {
        var check = new HealthCheck
        {
            LinkId = linkId,
            CheckedAt = now,
            State = probe.State,
            HttpStatus = probe.HttpStatus,
            Reason = probe.Reason,
            MovedTo = probe.MovedTo,
            Failure = probe.Failure,
        };
        if (!probe.Failure)
        {
            return check;
        }

        var earlier = history.TakeWhile(h => h.Failure).ToList();
        var count = earlier.Count + 1;
        var since = earlier.Count == 0 ? now : earlier[^1].CheckedAt;
        if (count >= options.FailuresBeforeGone && now - since >= options.FailureSpan)
        {
            return check with
            {
                State = HealthState.Gone,
                Reason = $"{probe.Reason} Failed {count} checks in a row since {since:yyyy-MM-dd}.",
            };
        }

        return check with { State = HealthState.Unknown };
    }
}
