using LinkSnap.Core.Health;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using Microsoft.Extensions.Options;

namespace LinkSnap.Health;

/// <summary>
/// Checks every link on the Health:Every schedule (ScheduleRule: each link at its own slot, the next
/// check counted from the last one, so checks missed while the daemon was down run once). Sleeps
/// until the earliest due check (DueSleeper), never polls. Health:Enabled=false switches it off.
/// </summary>
public sealed class HealthScheduler(LinkStore store, HealthRunner runner, IOptions<HealthOptions> options, TimeProvider time, ILogger<HealthScheduler> log)
    : BackgroundService
{
    /// <summary>Due checks taken per round: a round's work stays bounded in memory.</summary>
    private const int Batch = 200;

    private readonly DueSleeper _sleeper = new(time);

    /// <summary>New links get their first scheduled check at the next wake; call after links are added, if it matters sooner.</summary>
    public void Wake() => _sleeper.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.Period;
        if (!options.Value.Enabled || period == SchedulePeriod.Off)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                // ScheduleRule.Sanitize's bound for every link at once: after the clock went back, no check waits longer than the rule could have set.
                store.Health.PullInHealthChecks(now + period.Length() * (1 + ScheduleRule.JitterShare));
                store.Health.ScheduleUnscheduledHealthChecks((id, from) => ScheduleRule.NextDue(period, HealthRunner.Key(id), from));
                var due = store.Health.DueHealthTargets(now, Batch);
                if (due.Count > 0)
                {
                    await runner.CheckAsync(due, stoppingToken);
                    continue;
                }

                await _sleeper.SleepUntilAsync(store.Health.NextHealthDue(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                log.LogWarning(e, "Health checks paused after an error; trying again in a minute.");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
        }
    }
}
