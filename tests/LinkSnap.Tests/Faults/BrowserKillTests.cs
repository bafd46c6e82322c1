using System.Diagnostics;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// Chromium dies under a running capture: first only the page's renderer, then the whole browser
/// (found among the daemon's descendants in /proc). Each job ends with a reason and the next capture
/// works (the tab is replaced; the browser is relaunched).
/// </summary>
[NonParallelizable]
public sealed class BrowserKillTests
{
    [Test]
    public async Task Renderer_then_whole_browser_killed_mid_capture_end_the_job_with_a_reason_and_the_next_capture_works()
    {
        await using var server = await FixtureServer.StartAsync();
        var stuck = new TaskCompletionSource();
        server.MapHtml("/ok", "<html><head><title>Fine</title></head><body><p>A page that saves.</p></body></html>");
        server.Map("/stuck", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<html><head><title>Stuck</title></head><body><p>Waiting.</p><img src=\"/image.png?{context.Request.QueryString.Value?.TrimStart('?')}\"></body></html>");
        });
        server.Map("/image.png", async context => await stuck.Task.WaitAsync(context.RequestAborted));
        using var temp = new TempDirectory();
        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path));
        var saved = await CaptureAsync(daemon, server, "/ok?before");
        Assert.That(saved.Status, Is.EqualTo(SnapshotStatus.Done));

        var renderer = await KillMidCaptureAsync(daemon, server, "renderer", p => p.CommandLine.Contains("--type=renderer", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"renderer killed: {renderer.Status} {renderer.Reason}");
        Assert.That(renderer.Status, Is.AnyOf(SnapshotStatus.Failed, SnapshotStatus.Partial));
        Assert.That(renderer.Reason, Does.Contain("crashed"));
        Assert.That((await CaptureAsync(daemon, server, "/ok?after-renderer")).Status, Is.EqualTo(SnapshotStatus.Done), "a new tab captures after a renderer crash");

        var browser = await KillMidCaptureAsync(daemon, server, "browser", p => !p.CommandLine.Contains("--type=", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"browser killed: {browser.Status} {browser.Reason}");
        Assert.That(browser.Status, Is.AnyOf(SnapshotStatus.Failed, SnapshotStatus.Partial));
        Assert.That(browser.Reason, Is.Not.Null.And.Not.Empty);
        Assert.That((await CaptureAsync(daemon, server, "/ok?after-browser")).Status, Is.EqualTo(SnapshotStatus.Done), "the browser is relaunched for the next capture");

        stuck.SetResult();
        await FaultChecks.AssertLibraryIntactAsync(daemon, [saved.Id]);
    }

    private static async Task<(long Id, SnapshotStatus Status, string? Reason)> CaptureAsync(TestDaemon daemon, FixtureServer server, string path)
    {
        var ended = (await daemon.CaptureAsync(server.Url(path), "browser-kill")).Snapshot;
        return (ended.Id, ended.Status, ended.Reason);
    }

    private static async Task<(long Id, SnapshotStatus Status, string? Reason)> KillMidCaptureAsync(TestDaemon daemon, FixtureServer server, string what, Func<(int Pid, string CommandLine), bool> victim)
    {
        var started = await daemon.Client.PostAsync("/api/captures", new { url = server.Url($"/stuck?{what}").ToString() }, CancellationToken.None);
        var id = started.GetProperty("snapshotId").GetInt64();
        await FaultChecks.WaitUntilAsync(() => Task.FromResult(server.Requests.Any(r => r == $"/image.png?{what}")), $"the {what} capture to be loading its page", daemon);
        var targets = FaultChecks.Chromium(daemon.Pid).Where(victim).ToList();
        Assert.That(targets, Is.Not.Empty, $"no {what} process among the daemon's descendants: {string.Join("\n", FaultChecks.Chromium(daemon.Pid))}");
        foreach (var (pid, _) in targets)
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }

        var ended = await daemon.WaitForSnapshotAsync(id);
        return (id, ended.Status, ended.Reason);
    }
}
