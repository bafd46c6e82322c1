using LinkSnap.Core.Capture;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Tests.Jobs;
using NUnit.Framework;
using LinkSnap.Testing;

namespace LinkSnap.Tests.Watch;

/// <summary>The watch scheduler over a simulated month on a fake clock, with a restart in the middle, failures and a clock jump.</summary>
public sealed class WatchScheduleTests : WatchTestBase
{
    [Test]
    public async Task A_month_of_daily_and_weekly_checks_with_a_restart_runs_each_missed_check_once_and_keeps_only_real_changes()
    {
        var changedAfter = Start.AddDays(20);
        ICaptureEngine Engine() => new FakeCaptureEngine(async (request, folder, progress, _) =>
        {
            var result = await FakeCaptureEngine.SaveAsync(request, folder, progress);
            return request.Url.AbsolutePath == "/b" && Clock.GetUtcNow() > changedAfter ? result with { ArticleText = "the page was rewritten on day 20" } : result;
        });
        Build(Engine());
        var a = await SavedAndWatchedAsync("https://a.example/a", SchedulePeriod.Daily);
        var b = await SavedAndWatchedAsync("https://b.example/b", SchedulePeriod.Daily);
        var w = await SavedAndWatchedAsync("https://w.example/w", SchedulePeriod.Weekly);

        await RunUntilAsync(Start.AddDays(12));
        Assert.That(Watches.ListChecks(a, 100), Has.Count.InRange(11, 12), "one a day, no drift");

        // Day 12: a check of A is running when the daemon is killed; it stays down five days.
        Clock.SetUtcNow(Watches.GetWatch(a)!.NextDueAt!.Value);
        Scheduler.RunOnce();
        var killed = Watches.GetWatch(a)!.SnapshotId!.Value;
        using (var connection = Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE snapshots SET status = 'running', attempts = 1 WHERE id = @killed", new { killed });
        }

        var beforeDown = Watches.ListChecks(a, 100).Count;
        Clock.Advance(TimeSpan.FromDays(5));
        Restart(Engine());

        Scheduler.RunOnce();
        Assert.That(Watches.GetWatch(a)!.SnapshotId, Is.EqualTo(killed), "the interrupted check is not doubled by a new one");
        await RunQueuedAsync();
        Scheduler.RunOnce();
        Assert.That(Watches.ListChecks(a, 100).Count - beforeDown, Is.EqualTo(1), "the killed check ended with a recorded state, and five missed days made no more checks");
        Assert.That(Watches.ListChecks(b, 100)[0].CheckedAt, Is.EqualTo(Clock.GetUtcNow()), "B's missed checks ran once, at start-up");
        Assert.That(await CheckDueAsync(), Is.Zero, "nothing else is due after catching up");

        await RunUntilAsync(Start.AddDays(30));
        var checksA = Watches.ListChecks(a, 100);
        var checksB = Watches.ListChecks(b, 100);
        Assert.That(checksA.Select(c => c.Outcome).Distinct(), Is.EqualTo(new[] { WatchOutcomes.Unchanged }));
        Assert.That(checksA, Has.Count.InRange(24, 26), "30 days minus 5 down, plus one catch-up");
        Assert.That(Watches.ListChecks(w, 100), Has.Count.EqualTo(3).Or.Count.EqualTo(4), "weekly");
        Assert.That(SnapshotRows(a), Is.EqualTo(1), "unchanged checks keep no snapshot");
        Assert.That(checksB.Count(c => c.Outcome == WatchOutcomes.Changed), Is.EqualTo(1), "B changed once, on day 20");
        Assert.That(SnapshotRows(b), Is.EqualTo(2));
        Assert.That(Store.GetLink(b)!.ChangedAt, Is.Not.Null);
        Assert.That(Watches.ListChanges(10).Select(c => c.LinkId), Is.EqualTo(new[] { b }));
        Assert.That(Directory.GetDirectories(Folders.Resolve("snapshots"), "*", SearchOption.AllDirectories).Count(d => File.Exists(Path.Combine(d, "snapshot.json"))),
            Is.EqualTo(4), "three first versions and B's change: no folder per unchanged check");
    }

    [Test]
    public async Task A_site_that_keeps_timing_out_backs_off_and_shows_why_and_nothing_piles_up()
    {
        Build(new FakeCaptureEngine((_, _, _, _) => Task.FromResult(new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "navigation timed out after 30 s" })));
        var ticket = Store.AddCapture(new Uri("https://slow.example/x"), null, null, CaptureMode.Fresh);
        Store.Jobs.CompleteSnapshot(ticket.SnapshotId, new SnapshotCompletion { Status = SnapshotStatus.Done });
        Watches.SetLinkWatch(ticket.LinkId, SchedulePeriod.Hourly);

        var gaps = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            Clock.SetUtcNow(Watches.GetWatch(ticket.LinkId)!.NextDueAt!.Value);
            Assert.That(await CheckDueAsync(), Is.EqualTo(1));
            gaps.Add(Watches.GetWatch(ticket.LinkId)!.NextDueAt!.Value - Clock.GetUtcNow());
        }

        var watch = Watches.GetWatch(ticket.LinkId)!;
        Assert.That((watch.Failures, watch.LastOutcome, watch.LastReason), Is.EqualTo((5, WatchOutcomes.Failed, "navigation timed out after 30 s")));
        Assert.That(gaps.Select(g => g.TotalHours), Is.EqualTo(new[] { 1.0, 2, 4, 8, 8 }));
        Assert.That(SnapshotRows(ticket.LinkId), Is.EqualTo(1), "failed checks keep no failed versions");
        Assert.That(Store.GetLink(ticket.LinkId)!.Latest!.Status, Is.EqualTo(SnapshotStatus.Done), "the saved version stays the latest");
    }

    [Test]
    public async Task A_clock_moved_back_a_month_does_not_postpone_checks_by_a_month()
    {
        var link = await SavedAndWatchedAsync("https://a.example/a", SchedulePeriod.Daily);
        Clock.Shift = TimeSpan.FromDays(-30);

        Assert.That(Watches.SanitizeDueTimes(), Is.EqualTo(1));
        var due = Watches.GetWatch(link)!.NextDueAt!.Value;
        Assert.That(due - Clock.GetUtcNow(), Is.LessThanOrEqualTo(TimeSpan.FromDays(1.5)));
        Clock.Advance(due - Clock.GetUtcNow());
        Assert.That(await CheckDueAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_running_scheduler_sleeps_until_the_due_time_and_wakes_when_a_watch_is_added()
    {
        var ticket = Store.AddCapture(new Uri("https://a.example/a"), null, null, CaptureMode.Fresh);
        await RunQueuedAsync();
        await Scheduler.StartAsync(CancellationToken.None);
        try
        {
            Watches.SetLinkWatch(ticket.LinkId, SchedulePeriod.Hourly);
            Scheduler.Wake();
            var due = Watches.GetWatch(ticket.LinkId)!.NextDueAt!.Value;
            Clock.SetUtcNow(due);
            await WaitUntilAsync(() => Watches.GetWatch(ticket.LinkId)!.SnapshotId is not null);
        }
        finally
        {
            await Scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public void Watching_a_tag_covers_its_links_and_children_and_a_link_switched_off_stays_off()
    {
        var nlp = Store.AddCapture(new Uri("https://a.example/1"), ["nlp"], null, CaptureMode.Fresh).LinkId;
        var child = Store.AddCapture(new Uri("https://a.example/2"), ["nlp/interp"], null, CaptureMode.Fresh).LinkId;
        var off = Store.AddCapture(new Uri("https://a.example/3"), ["nlp"], null, CaptureMode.Fresh).LinkId;
        Store.AddCapture(new Uri("https://a.example/4"), ["other"], null, CaptureMode.Fresh);
        Watches.SetLinkWatch(off, SchedulePeriod.Off);

        Assert.That(Watches.SetTagWatch("NLP", SchedulePeriod.Weekly), Is.EqualTo(2));
        Assert.That(Watches.ListWatches(10).Select(w => (w.LinkId, w.Period, w.Source)), Is.EquivalentTo(new[] { (nlp, SchedulePeriod.Weekly, "nlp"), (child, SchedulePeriod.Weekly, "nlp") }));

        var later = Store.AddCapture(new Uri("https://a.example/5"), ["nlp"], null, CaptureMode.Fresh).LinkId;
        Watches.SyncTagWatches();
        Assert.That(Watches.GetWatch(later)!.Period, Is.EqualTo(SchedulePeriod.Weekly), "a link tagged later joins");

        Watches.SetTagWatch("nlp", SchedulePeriod.Off);
        Assert.That(Watches.CountWatches(), Is.Zero);
        Assert.That(Watches.GetWatch(off)!.Period, Is.EqualTo(SchedulePeriod.Off));
    }

    private async Task RunUntilAsync(DateTimeOffset end)
    {
        while (Watches.EarliestDue() is { } next && next <= end)
        {
            Clock.SetUtcNow(next > Clock.GetUtcNow() ? next : Clock.GetUtcNow());
            await CheckDueAsync();
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Eventually.TrueAsync(condition, TimeSpan.FromSeconds(20), "the scheduler to catch up");
}
