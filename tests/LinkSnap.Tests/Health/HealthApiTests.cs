using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Health;

/// <summary>
/// The real daemon: a page saved with real Chromium later answers 404; `linksnap check --tag` finds
/// it gone, the "gone" listing shows it with its reason, and its history keeps the check.
/// </summary>
public sealed class HealthApiTests
{
    [Test]
    public async Task A_saved_page_that_now_answers_404_is_found_gone_by_check_and_listed_by_the_gone_filter()
    {
        await using var server = await FixtureServer.StartAsync();
        var removed = false;
        server.Map("/essay", async ctx =>
        {
            ctx.Response.StatusCode = removed ? 404 : 200;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(removed ? "<title>Not found</title>" : "<title>An essay</title><p>Words worth keeping for later reading.</p>");
        });
        server.MapHtml("/other", "<title>Other</title><p>Still here.</p>");
        await using var daemon = await TestDaemon.StartAsync(new TestDaemonOptions { Settings = { ["Health:HostGap"] = "00:00:00" } });
        var (essay, essaySnapshot, _) = await daemon.QueueAsync(new CaptureInput { Url = server.Url("/essay").AbsoluteUri, Tags = new[] { "reading" } });
        var (other, otherSnapshot, _) = await daemon.QueueAsync(new CaptureInput { Url = server.Url("/other").AbsoluteUri, Tags = new[] { "elsewhere" } });
        await daemon.WaitForSnapshotAsync(essaySnapshot);
        await daemon.WaitForSnapshotAsync(otherSnapshot);
        removed = true;

        var (exit, output, _) = await daemon.RunCliAsync("check", "--tag", "reading", "--json");

        Assert.That(exit, Is.EqualTo(CliApp.Ok));
        var checks = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        Assert.That(checks.Select(c => c.GetProperty("linkId").GetInt64()), Is.EqualTo(new[] { essay }), "only the tag's links");
        Assert.That(checks[0].GetProperty("state").GetString(), Is.EqualTo("gone"));
        Assert.That(checks[0].GetProperty("httpStatus").GetInt32(), Is.EqualTo(404));

        var gone = await daemon.Client.GetAsync("/api/links?health=gone&health=soft-404", CancellationToken.None);
        var items = gone.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { essay }));
        Assert.That(items[0].GetProperty("health").GetProperty("reason").GetString(), Is.EqualTo("The server answers 404 Not Found."));

        var history = await daemon.Client.GetAsync($"/api/links/{essay}/health", CancellationToken.None);
        Assert.That(history.GetArrayLength(), Is.EqualTo(1));
        var notChecked = await daemon.Client.GetAsync($"/api/links/{other}", CancellationToken.None);
        Assert.That(notChecked.GetProperty("health").ValueKind, Is.EqualTo(JsonValueKind.Null), "not checked yet");

        var text = (await daemon.RunCliAsync("check")).Output;
        Assert.That(text.ToString(), Does.Contain("Checked 2: 1 alive, 1 gone."));

        var bad = await Assert.ThrowsAsync<DaemonApiException>(() => daemon.Client.GetAsync("/api/links?health=dead", CancellationToken.None));
        Assert.That((bad!.Status, bad.Message), Is.EqualTo((400, "health must be alive, moved, gone, soft-404 or unknown.")));
    }
}
