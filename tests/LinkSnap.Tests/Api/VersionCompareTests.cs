using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>Two real captures of a fixture page that changed in between, compared through the API and `linksnap diff`.</summary>
[NonParallelizable]
public sealed class VersionCompareTests
{
    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;
    private long _linkId;
    private long _first;
    private long _second;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var version = 1;
        _server = await FixtureServer.StartAsync();
        _server.Map("/garden", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(version));
        });
        _daemon = await TestDaemon.StartAsync();

        (_linkId, _first, _) = await _daemon.QueueAsync(new CaptureInput { Url = _server.Url("/garden").ToString() });
        await _daemon.WaitForSnapshotAsync(_first);
        version = 2;
        _second = (await _daemon.Client.PostAsync($"/api/links/{_linkId}/recapture", new { mode = "fresh" }, CancellationToken.None)).GetProperty("snapshotId").GetInt64();
        await _daemon.WaitForSnapshotAsync(_second);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task The_api_reports_the_text_edit_the_title_change_and_the_swapped_image()
    {
        var diff = await _daemon.Client.GetAsync($"/api/snapshots/{_first}/compare/{_second}", CancellationToken.None);

        Assert.That(diff.GetProperty("summary").GetString(), Does.StartWith("+1 −1 words, title changed, screenshot "), diff.ToString());
        var segments = diff.GetProperty("text").GetProperty("diff").GetProperty("segments").EnumerateArray().ToList();
        Assert.That(segments.Where(s => s.GetProperty("op").GetString() == "delete").Select(s => s.GetProperty("text").GetString()!.Trim()), Is.EqualTo(new[] { "lazy" }));
        Assert.That(segments.Where(s => s.GetProperty("op").GetString() == "insert").Select(s => s.GetProperty("text").GetString()!.Trim()), Is.EqualTo(new[] { "sleepy" }));
        var shot = diff.GetProperty("screenshot").GetProperty("diff");
        Assert.That(shot.GetProperty("changedShare").GetDouble(), Is.GreaterThan(0.005).And.LessThan(0.5));
        Assert.That(shot.GetProperty("regions").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(diff.GetProperty("afterScreenshotUrl").GetString(), Is.EqualTo($"/api/snapshots/{_second}/files/screenshot.png"));
        var title = diff.GetProperty("metadata").EnumerateArray().Single(m => m.GetProperty("field").GetString() == "title");
        Assert.That(title.GetProperty("after").GetString(), Is.EqualTo("Garden notes (updated)"));
        Assert.That(title.GetProperty("changed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_versions_panel_gets_a_summary_per_version()
    {
        var changes = await _daemon.Client.GetAsync($"/api/links/{_linkId}/changes", CancellationToken.None);

        var items = changes.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("snapshotId").GetInt64()), Is.EqualTo(new[] { _second, _first }));
        Assert.That(items[0].GetProperty("summary").GetString(), Is.EqualTo("+1 −1 words, title changed"));
        Assert.That(items[0].GetProperty("previousId").GetInt64(), Is.EqualTo(_first));
        Assert.That(items[1].GetProperty("summary").GetString(), Is.EqualTo("first version"));
    }

    [Test]
    public async Task Linksnap_diff_prints_the_change_for_a_person_and_json_for_a_script()
    {
        var (code, human, _) = await _daemon.RunCliAsync("diff", _first.ToString(), _second.ToString());
        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(human.ToString(), Does.Contain("title changed").And.Contain("[-lazy-]").And.Contain("{+sleepy+}").And.Contain("Garden notes → Garden notes (updated)"), human.ToString());

        var json = (await _daemon.RunCliAsync("diff", _first.ToString(), _second.ToString(), "--json")).Output;
        Assert.That(JsonDocument.Parse(json.ToString()).RootElement.GetProperty("after").GetProperty("id").GetInt64(), Is.EqualTo(_second));
    }

    [Test]
    public async Task Versions_of_different_links_or_unknown_ids_get_a_clear_error()
    {
        var (_, other, _) = await _daemon.QueueAsync(new CaptureInput { Url = "http://127.0.0.1:1/nothing-listens-here" });
        await _daemon.WaitForSnapshotAsync(other);

        var mixed = (await Assert.ThrowsAsync<DaemonApiException>(() => _daemon.Client.GetAsync($"/api/snapshots/{_first}/compare/{other}", CancellationToken.None)))!;
        Assert.That((mixed.Status, mixed.Message), Is.EqualTo((400, $"Snapshots {_first} and {other} are versions of different links; compare two versions of one link.")));
        var unknown = (await Assert.ThrowsAsync<DaemonApiException>(() => _daemon.Client.GetAsync($"/api/snapshots/{_first}/compare/999999", CancellationToken.None)))!;
        Assert.That(unknown.Status, Is.EqualTo(404));
    }

    private static string Page(int version) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{(version == 1 ? "Garden notes" : "Garden notes (updated)")}}</title></head>
        <body style="margin:0;font:16px sans-serif"><article><h1>Garden notes</h1>
        <p>The garden wakes early in spring, and the archivist walks along the beds to note what has come up since the last frost.</p>
        <p>Under the apple tree the {{(version == 1 ? "lazy" : "sleepy")}} dog watches the bees move from one blossom to the next all morning.</p>
        <div style="width:320px;height:160px;background:{{(version == 1 ? "#22aa66" : "#cc3333")}}"></div>
        <p>By the evening the beds are watered, the tools are cleaned and the notebook has one more page of careful observations.</p>
        </article></body></html>
        """;
}
