using LinkSnap.Core.Scheduling;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Scheduling;

public sealed class ScheduleRuleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Periods_parse_from_their_names_and_reject_anything_else_with_the_list()
    {
        Assert.That(SchedulePeriods.Parse(" Daily "), Is.EqualTo(SchedulePeriod.Daily));
        Assert.That(SchedulePeriod.Monthly.ToName(), Is.EqualTo("monthly"));
        var error = Assert.Throws<ArgumentException>(() => SchedulePeriods.Parse("fortnightly"))!;
        Assert.That(error.Message, Does.Contain("hourly, daily, weekly, monthly"));
        Assert.That(SchedulePeriod.Weekly.Length(), Is.EqualTo(TimeSpan.FromDays(7)));
    }

    [Test]
    public void Each_key_has_a_fixed_time_of_day_and_keys_spread_over_the_whole_period()
    {
        var phases = Enumerable.Range(0, 1000).Select(i => ScheduleRule.Phase(SchedulePeriod.Daily, $"link:{i}")).ToList();

        Assert.That(phases, Has.All.GreaterThanOrEqualTo(TimeSpan.Zero).And.All.LessThan(TimeSpan.FromDays(1)));
        Assert.That(ScheduleRule.Phase(SchedulePeriod.Daily, "link:7"), Is.EqualTo(phases[7]), "same key, same phase (survives restarts)");
        Assert.That(phases.GroupBy(p => (int)p.TotalHours).Count(), Is.EqualTo(24), "1000 links switched on together land in every hour of the day");
        Assert.That(phases.GroupBy(p => (int)p.TotalHours).Max(g => g.Count()), Is.LessThan(80));
    }

    [Test]
    public void Checks_on_time_keep_their_slot_without_drift()
    {
        var due = ScheduleRule.FirstDue(SchedulePeriod.Daily, "k", Noon);
        Assert.That(due - Noon, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromDays(1)));

        var times = new List<DateTimeOffset> { due };
        for (var i = 0; i < 30; i++)
        {
            times.Add(ScheduleRule.NextDue(SchedulePeriod.Daily, "k", times[^1] + TimeSpan.FromMinutes(3)));
        }

        Assert.That(times.Zip(times.Skip(1), (x, y) => y - x), Has.All.EqualTo(TimeSpan.FromDays(1)), "a check that ran a few minutes late stays in its slot");
    }

    [Test]
    public void A_check_missed_for_a_week_runs_once_and_then_daily_in_its_slot_again()
    {
        var due = ScheduleRule.FirstDue(SchedulePeriod.Daily, "k", Noon);
        var backAfterAWeek = due + TimeSpan.FromDays(7) + TimeSpan.FromHours(5);

        Assert.That(ScheduleRule.IsDue(due, backAfterAWeek), Is.True);
        var next = ScheduleRule.NextDue(SchedulePeriod.Daily, "k", backAfterAWeek);
        Assert.That(ScheduleRule.IsDue(next, backAfterAWeek), Is.False, "the other six missed days do not run");
        Assert.That(next - backAfterAWeek, Is.InRange(TimeSpan.FromHours(12), TimeSpan.FromHours(36)));
        Assert.That((next - due).Ticks % TimeSpan.FromDays(1).Ticks, Is.Zero, "back in its own slot");
    }

    [Test]
    public void A_clock_moved_back_a_year_does_not_postpone_the_check_by_a_year()
    {
        var due = ScheduleRule.NextDue(SchedulePeriod.Daily, "k", Noon);
        var afterJumpBack = Noon - TimeSpan.FromDays(365);

        var sane = ScheduleRule.Sanitize(SchedulePeriod.Daily, "k", due, afterJumpBack);

        Assert.That(sane, Is.EqualTo(ScheduleRule.NextDue(SchedulePeriod.Daily, "k", afterJumpBack)));
        Assert.That(sane - afterJumpBack, Is.LessThanOrEqualTo(TimeSpan.FromDays(1.5)));
        Assert.That(ScheduleRule.Sanitize(SchedulePeriod.Daily, "k", due, Noon), Is.EqualTo(due), "a normal due time is left alone");
        var overdue = Noon - TimeSpan.FromDays(3);
        Assert.That(ScheduleRule.Sanitize(SchedulePeriod.Daily, "k", overdue, Noon), Is.EqualTo(overdue), "an overdue check stays due");
    }

    [Test]
    public void Failures_back_off_doubling_up_to_a_cap_and_a_backed_off_due_time_is_not_mistaken_for_a_clock_jump()
    {
        var waits = Enumerable.Range(1, 6).Select(n => ScheduleRule.BackOff(SchedulePeriod.Hourly, n)).ToList();
        Assert.That(waits, Is.EqualTo(new[] { 1, 2, 4, 8, 8, 8 }.Select(h => TimeSpan.FromHours(h))));
        Assert.That(ScheduleRule.BackOff(SchedulePeriod.Daily, 5), Is.EqualTo(TimeSpan.FromDays(7)), "a daily check waits at most a week");
        Assert.That(ScheduleRule.BackOff(SchedulePeriod.Monthly, 5), Is.EqualTo(TimeSpan.FromDays(30)), "never less often than its period");

        var due = ScheduleRule.NextDueAfterFailure(SchedulePeriod.Hourly, "k", Noon, 4);
        Assert.That(ScheduleRule.Sanitize(SchedulePeriod.Hourly, "k", due, Noon, 4), Is.EqualTo(due));
    }
}
