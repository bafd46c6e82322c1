using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Shared;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Health;
using LinkSnap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LinkSnap.Tests.Health;

/// <summary>
/// The weekly schedule on a fake clock against a real server: nothing before a week, one check when
/// due, and after a month of downtime one check (not four), then the next a week later. A flapping
/// page goes unknown, unknown, ... and gone once its failures have lasted.
/// </summary>
public sealed class HealthScheduleTests
{
    [Test]
    public async Task A_weekly_check_runs_when_due_and_a_month_missed_while_down_runs_once()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapHtml("/page", "<title>Page</title><p>Still here.</p>");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        using var setup = new Setup(clock, new HealthOptions { Every = "weekly", HostGap = TimeSpan.Zero });
        var link = setup.Store.AddCapture(server.Url("/page"), null, null, CaptureMode.Fresh).LinkId;

        using (setup.StartScheduler())
        {
            await WaitAsync(() => setup.Store.NextHealthDue() is not null, "the new link gets a scheduled check");
            var due = setup.Store.NextHealthDue()!.Value;
            Assert.That(due, Is.EqualTo(ScheduleRule.NextDue(SchedulePeriod.Weekly, HealthRunner.Key(link), setup.Store.GetLink(link)!.CreatedAt)).Within(TimeSpan.FromMilliseconds(1)), "the link's weekly slot (stored to the millisecond)");
            clock.Advance(due - clock.GetUtcNow() - TimeSpan.FromMinutes(1));
            Assert.That(setup.Store.HealthHistory(link), Is.Empty);
            clock.Advance(TimeSpan.FromMinutes(2));
            await WaitAsync(() => setup.Store.HealthHistory(link).Count == 1, "checked once it was due");
            Assert.That(setup.Store.GetLink(link)!.Health!.State, Is.EqualTo(HealthState.Alive));
        }

        clock.Advance(TimeSpan.FromDays(31)); // the daemon was down: four weekly checks missed
        using (setup.StartScheduler())
        {
            await WaitAsync(() => setup.Store.HealthHistory(link).Count == 2, "the missed checks run once after the restart");
            await WaitAsync(() => setup.Store.NextHealthDue() > clock.GetUtcNow(), "the next one is scheduled");
            var ran = setup.Store.HealthHistory(link)[0].CheckedAt;
            Assert.That(setup.Store.NextHealthDue(), Is.EqualTo(ScheduleRule.NextDue(SchedulePeriod.Weekly, HealthRunner.Key(link), ran)).Within(TimeSpan.FromMilliseconds(1)), "counted from the check that ran, not from the missed ones");
            Assert.That(setup.Store.HealthHistory(link), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task A_flapping_page_is_unknown_while_it_fails_and_gone_once_the_failures_lasted_a_week()
    {
        await using var server = await FixtureServer.StartAsync();
        var failing = false;
        server.Map("/flapping", ctx =>
        {
            ctx.Response.StatusCode = failing ? 503 : 200;
            return Task.CompletedTask;
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        using var setup = new Setup(clock, new HealthOptions { Every = "daily", HostGap = TimeSpan.Zero, FailuresBeforeGone = 3, FailureSpan = TimeSpan.FromDays(7) });
        var link = setup.Store.AddCapture(server.Url("/flapping"), null, null, CaptureMode.Fresh).LinkId;
        var target = setup.Store.HealthTargets([link], null);

        var states = new List<HealthState>();
        foreach (var fails in new[] { false, true, true, false, true, true, true, true, true, true, true, true })
        {
            failing = fails;
            states.Add((await setup.Runner.CheckAsync(target, CancellationToken.None)).Single().State);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.That(states.Take(10), Has.None.EqualTo(HealthState.Gone), string.Join(", ", states));
        Assert.That(states[3], Is.EqualTo(HealthState.Alive), "an answer in between starts the count over");
        Assert.That(states[^1], Is.EqualTo(HealthState.Gone), "the eighth day of failures in a row");
        Assert.That(setup.Store.ListLinks(new LinkListQuery { Health = [HealthState.Gone] }).Items.Select(l => l.Id), Is.EqualTo(new[] { link }));
    }

    private static Task WaitAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, TimeSpan.FromSeconds(30), what);

    private sealed class Setup : IDisposable
    {
        private readonly TempDirectory _temp = new();
        private readonly LinkSnapDatabase _database = LinkSnapDatabase.InMemory();
        private readonly HealthChecker _checker;
        private readonly HealthOptions _options;
        private readonly TimeProvider _clock;

        public Setup(TimeProvider clock, HealthOptions options)
        {
            _clock = clock;
            _options = options;
            _database.Migrate();
            Store = new LinkStore(_database, clock);
            _checker = new HealthChecker(options, new CaptureOptions { AllowPrivateTargets = true }, clock);
            Runner = new HealthRunner(Store, _checker, new SnapshotFolders(new LinkSnapPaths(_temp.Path)), MsOptions.Create(options), clock);
        }

        public LinkStore Store { get; }
        public HealthRunner Runner { get; }

        public IDisposable StartScheduler()
        {
            var scheduler = new HealthScheduler(Store, Runner, MsOptions.Create(_options), _clock, NullLogger<HealthScheduler>.Instance);
            scheduler.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new Stopper(scheduler);
        }

        public void Dispose()
        {
            _checker.Dispose();
            _database.Dispose();
            _temp.Dispose();
        }

        private sealed class Stopper(HealthScheduler scheduler) : IDisposable
        {
            public void Dispose()
            {
                scheduler.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                scheduler.Dispose();
            }
        }
    }
}
