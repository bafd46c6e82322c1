using System.Text.Json;
using Dapper;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Watch;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Watch;

/// <summary>
/// The whole watch path in a real daemon (real Chromium, SQLite, scheduler loop) over fixture pages
/// that change between requests: each page is saved, watched with `linksnap watch`, made due, and
/// checked once by the running scheduler.
/// </summary>
[NonParallelizable]
public sealed class WatchChangeTests
{
    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;
    private readonly Dictionary<string, JsonElement> _checks = [];
    private readonly Dictionary<string, long> _links = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = (await FixtureServer.StartAsync()).MapChangingPages();
        _daemon = await TestDaemon.StartAsync(new TestDaemonOptions { Settings = { ["Background:HostGap"] = "00:00:00" } });
        foreach (var kind in ChangingPages.Kinds)
        {
            var (linkId, snapshotId, _) = await _daemon.QueueAsync(new CaptureInput { Url = _server.Url("/changing/" + kind).ToString() });
            await _daemon.WaitForSnapshotAsync(snapshotId);
            var (code, output, _) = await _daemon.RunCliAsync("watch", linkId.ToString(), "--every", "daily");
            Assert.That(code, Is.EqualTo(CliApp.Ok));
            Assert.That(output.ToString(), Does.StartWith($"Link {linkId} is watched daily; next check"));
            _links[kind] = linkId;
        }

        // Make every watch due now and wake the running scheduler, as its clock reaching the due time would.
        using (var connection = _daemon.Services.GetRequiredService<LinkSnapDatabase>().Open())
        {
            connection.Execute("UPDATE watches SET next_due_at = '2000-01-01T00:00:00.000Z'");
        }

        _daemon.Services.GetRequiredService<WatchScheduler>().Wake();
        foreach (var (kind, linkId) in _links)
        {
            _checks[kind] = await Eventually.ValueAsync(
                () => _daemon.Client.GetAsync($"/api/links/{linkId}/watch", CancellationToken.None),
                watch => watch.GetProperty("checks").GetArrayLength() > 0,
                TimeSpan.FromSeconds(120), _ => $"the check of /changing/{kind} to be recorded");
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    [TestCase("text")]
    [TestCase("image")]
    [TestCase("title")]
    public async Task A_real_change_keeps_the_new_version_and_marks_the_link_changed(string kind)
    {
        var check = LastCheck(kind);
        Assert.That(check.GetProperty("outcome").GetString(), Is.EqualTo("changed"), check.ToString());
        var link = await _daemon.Client.GetAsync($"/api/links/{_links[kind]}", CancellationToken.None);
        Assert.That(link.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(2));
        Assert.That(link.GetProperty("changedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        var changed = await _daemon.Client.GetAsync("/api/links?changed=true", CancellationToken.None);
        Assert.That(changed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Does.Contain(_links[kind]));
    }

    [TestCase("ad")]
    [TestCase("same")]
    public async Task An_advert_or_timestamp_change_is_checked_unchanged_and_keeps_no_version_or_files(string kind)
    {
        var check = LastCheck(kind);
        Assert.That(check.GetProperty("outcome").GetString(), Is.EqualTo("unchanged"), check.ToString());
        Assert.That(check.GetProperty("snapshotId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var link = await _daemon.Client.GetAsync($"/api/links/{_links[kind]}", CancellationToken.None);
        Assert.That(link.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(1), "no new version");
        Assert.That(link.GetProperty("changedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var folders = Directory.GetFiles(Path.Combine(_daemon.Paths.DataDirectory, "snapshots"), "snapshot.json", SearchOption.AllDirectories)
            .Count(f => File.ReadAllText(f).Contains($"\"linkId\": {_links[kind]},", StringComparison.Ordinal) || File.ReadAllText(f).Contains($"\"linkId\":{_links[kind]},", StringComparison.Ordinal));
        Assert.That(folders, Is.EqualTo(1), "the check's folder was removed");
    }

    [Test]
    public async Task The_changes_list_and_watch_list_show_what_happened_and_opening_a_link_clears_its_badge()
    {
        var changes = await _daemon.Client.GetAsync("/api/changes", CancellationToken.None);
        Assert.That(changes.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("linkId").GetInt64()),
            Is.EquivalentTo(new[] { _links["text"], _links["image"], _links["title"] }));

        var list = (await _daemon.RunCliAsync("watch", "--list")).Output;
        Assert.That(list.ToString(), Does.Contain("5 watched link(s)").And.Contain("last unchanged").And.Contain("[changed]").And.Contain("Recent changes:"), list.ToString());

        await _daemon.Client.PostAsync($"/api/links/{_links["title"]}/seen", null, CancellationToken.None);
        var link = await _daemon.Client.GetAsync($"/api/links/{_links["title"]}", CancellationToken.None);
        Assert.That(link.GetProperty("changedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_bad_schedule_or_unknown_link_gets_a_clear_error()
    {
        var bad = (await Assert.ThrowsAsync<DaemonApiException>(() => _daemon.Client.SendAsync(HttpMethod.Put, $"/api/links/{_links["same"]}/watch", new { every = "fortnightly" }, CancellationToken.None)))!;
        Assert.That((bad.Status, bad.Message), Is.EqualTo((400, "'fortnightly' is not a schedule; use one of: off, hourly, daily, weekly, monthly.")));
        var unknown = (await Assert.ThrowsAsync<DaemonApiException>(() => _daemon.Client.SendAsync(HttpMethod.Put, "/api/links/999999/watch", new { every = "daily" }, CancellationToken.None)))!;
        Assert.That(unknown.Status, Is.EqualTo(404));
        var usage = await _daemon.RunCliAsync("watch", "5");
        Assert.That(usage.ExitCode, Is.EqualTo(2));
        Assert.That(usage.Error, Does.StartWith("linksnap: Say how often with --every."));
    }

    private JsonElement LastCheck(string kind) => _checks[kind].GetProperty("checks")[0];
}
