using LinkSnap.Core.Health;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Health;

/// <summary>
/// The "persists over several checks" rule on the store's real history (SQLite, migration 008), with
/// the clock moved by the test: failures that may pass stay "unknown" until they have lasted.
/// </summary>
public sealed class HealthHistoryTests
{
    private static readonly HealthOptions Options = new() { FailuresBeforeGone = 3, FailureSpan = TimeSpan.FromDays(7) };
    private static readonly HealthProbe Refused = new(HealthState.Unknown, null, "Could not connect to example.org: connection refused.", Failure: true);
    private static readonly HealthProbe Alive = new(HealthState.Alive, 200, "The page answers 200.");

    [Test]
    public void Connection_failures_become_gone_only_after_three_checks_spanning_a_week()
    {
        using var fixture = new StoreFixture();
        var link = fixture.Add("https://example.org/flaky").LinkId;

        var states = new List<HealthState>();
        foreach (var days in new[] { 0, 3, 6, 8 })
        {
            fixture.Clock.Now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(days);
            states.Add(fixture.Store.Health.RecordHealth(link, Refused, Options)!.State);
        }

        // Third failure on day 6 is not yet a week after the first; the fourth (day 8) is.
        Assert.That(states, Is.EqualTo(new[] { HealthState.Unknown, HealthState.Unknown, HealthState.Unknown, HealthState.Gone }));
        var saved = fixture.Store.GetLink(link)!.Health!;
        Assert.That(saved.State, Is.EqualTo(HealthState.Gone));
        Assert.That(saved.Reason, Does.Contain("connection refused").And.Contain("Failed 4 checks in a row since 2026-03-01"));
        Assert.That(fixture.Store.Health.HealthHistory(link).Select(h => h.State), Is.EqualTo(states.AsEnumerable().Reverse()), "every check is kept, newest first");
    }

    [Test]
    public void Pressing_check_three_times_in_a_minute_is_not_enough_and_an_answer_in_between_starts_over()
    {
        using var fixture = new StoreFixture();
        var link = fixture.Add("https://example.org/flapping").LinkId;
        for (var i = 0; i < 3; i++)
        {
            Assert.That(fixture.Store.Health.RecordHealth(link, Refused, Options)!.State, Is.EqualTo(HealthState.Unknown));
        }

        fixture.Clock.Now = fixture.Clock.Now.AddDays(10);
        Assert.That(fixture.Store.Health.RecordHealth(link, Alive, Options)!.State, Is.EqualTo(HealthState.Alive));
        fixture.Clock.Now = fixture.Clock.Now.AddDays(10);
        Assert.That(fixture.Store.Health.RecordHealth(link, Refused, Options)!.State, Is.EqualTo(HealthState.Unknown), "the answer ended the run of failures");
    }

    [Test]
    public void The_gone_filter_lists_links_whose_original_is_gone_or_a_soft_404_and_nothing_else()
    {
        using var fixture = new StoreFixture();
        var gone = fixture.Add("https://example.org/gone").LinkId;
        var parked = fixture.Add("https://parked.example/a").LinkId;
        var alive = fixture.Add("https://example.org/alive").LinkId;
        var never = fixture.Add("https://example.org/never-checked").LinkId;
        fixture.Store.Health.RecordHealth(gone, new HealthProbe(HealthState.Gone, 404, "The server answers 404 Not Found."), Options);
        fixture.Store.Health.RecordHealth(parked, new HealthProbe(HealthState.SoftNotFound, 200, "parked"), Options);
        fixture.Store.Health.RecordHealth(alive, Alive, Options);

        var page = fixture.Store.Listing.ListLinks(new LinkListQuery { Health = [HealthState.Gone, HealthState.SoftNotFound] });

        Assert.That(page.Items.Select(l => l.Id), Is.EquivalentTo(new[] { gone, parked }));
        Assert.That(page.Total, Is.EqualTo(2));
        Assert.That(fixture.Store.GetLink(never)!.Health, Is.Null, "never checked: no state invented");
        Assert.That(fixture.Store.GetLink(gone)!.Health!.Reason, Is.EqualTo("The server answers 404 Not Found."));
    }

    [Test]
    public void Scheduling_fills_in_due_times_from_the_save_date_and_a_clock_jump_back_pulls_far_ones_in()
    {
        using var fixture = new StoreFixture();
        var link = fixture.Add("https://example.org/a").LinkId;
        var saved = fixture.Store.GetLink(link)!.CreatedAt;

        Assert.That(fixture.Store.Health.ScheduleUnscheduledHealthChecks((_, from) => from.AddDays(7)), Is.EqualTo(1));
        Assert.That(fixture.Store.Health.ScheduleUnscheduledHealthChecks((_, from) => from.AddDays(7)), Is.EqualTo(0), "scheduled once");
        Assert.That(fixture.Store.Health.NextHealthDue(), Is.EqualTo(saved.AddDays(7)));
        Assert.That(fixture.Store.Health.DueHealthTargets(saved.AddDays(6), 10), Is.Empty);
        Assert.That(fixture.Store.Health.DueHealthTargets(saved.AddDays(7), 10).Select(t => t.LinkId), Is.EqualTo(new[] { link }));

        var earlier = saved.AddDays(-30); // the clock went back a month
        fixture.Store.Health.PullInHealthChecks(earlier.AddDays(8));
        Assert.That(fixture.Store.Health.NextHealthDue(), Is.EqualTo(earlier.AddDays(8)));
    }
}
