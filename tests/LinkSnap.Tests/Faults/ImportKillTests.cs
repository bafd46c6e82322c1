using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// The daemon, a real process, SIGKILLed twice during the import of a 5,000-link bookmark file with its
/// captures running: once while the links are still being added, once while the captures run. After the
/// restart the import finishes, every entry of the file is in the library exactly once with exactly one
/// capture job, and every job ends done, partial or failed with a reason.
/// The pages live on four loopback addresses (four sites, so the one-capture-per-site rule lets three
/// background captures run at once). Most are small text documents, which a capture saves without
/// Chromium; every 250th is an HTML page rendered in Chromium. That keeps 5,000 real captures to minutes.
/// </summary>
[NonParallelizable]
public sealed class ImportKillTests
{
    private const int Links = 5_000;
    private const int Sites = 4;
    private const int HtmlEvery = 250;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Daemon:Concurrency"] = "4",
        ["Background:Concurrency"] = "3",
        ["Background:HostGap"] = "00:00:00",
        ["Capture:SaveWacz"] = "false",
    };

    [Test]
    public async Task SIGKILL_during_a_5000_link_import_with_captures_running_loses_and_duplicates_nothing()
    {
        var servers = new List<FixtureServer>();
        try
        {
            for (var site = 1; site <= Sites; site++)
            {
                var server = await FixtureServer.StartAsync(IPAddress.Parse($"127.0.0.{site}"));
                server.Fallback = ServePageAsync;
                servers.Add(server);
            }

            var urls = Enumerable.Range(0, Links)
                .Select(n => servers[n % Sites].Url(n % HtmlEvery == 0 ? $"/page/{n}.html" : $"/note/{n}.txt").ToString())
                .ToList();
            using var temp = new TempDirectory();
            var clock = Stopwatch.StartNew();
            long importId;
            await using (var first = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings)))
            {
                var started = await first.Client.PostAsync("/api/imports?name=bookmarks.html", new ByteArrayContent(Netscape(urls)), CancellationToken.None);
                importId = started.GetProperty("import").GetProperty("id").GetInt64();
                var atKill = await WaitForProgressAsync(first, importId, p => p.GetProperty("added").GetInt32() > 0, "the first links added");
                await first.KillAsync();
                TestContext.Out.WriteLine($"kill 1 at {clock.Elapsed.TotalSeconds:0.0} s: {atKill}");
            }

            await using (var second = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings)))
            {
                var atKill = await WaitForProgressAsync(
                    second, importId, p => p.GetProperty("archived").GetInt32() + p.GetProperty("failed").GetInt32() >= 20 && p.GetProperty("queued").GetInt32() > 0, "captures running", seconds: 300);
                await second.KillAsync();
                TestContext.Out.WriteLine($"kill 2 at {clock.Elapsed.TotalSeconds:0.0} s: {atKill}");
            }

            await using var last = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings));
            var done = await WaitForProgressAsync(last, importId, p => p.GetProperty("status").GetString() == "done", "the import and all its captures to end", seconds: 900);
            TestContext.Out.WriteLine($"done at {clock.Elapsed.TotalSeconds:0.0} s: {done}");
            Assert.That((done.GetProperty("links").GetInt32(), done.GetProperty("added").GetInt32()), Is.EqualTo((Links, Links)));

            using (var connection = FaultChecks.Open(last.Paths.DatabasePath))
            {
                var saved = connection.Query<string>("SELECT url FROM links").ToList();
                Assert.That(saved, Has.Count.EqualTo(Links), "one link per entry");
                Assert.That(saved, Is.EquivalentTo(urls), "every entry of the file, none twice");
                var jobsPerLink = connection.Query<(string Url, long Jobs)>(
                    "SELECT l.url, COUNT(s.id) FROM links l LEFT JOIN snapshots s ON s.link_id = l.id GROUP BY l.id HAVING COUNT(s.id) <> 1").ToList();
                Assert.That(jobsPerLink, Is.Empty, "every link has exactly one capture job");
                var ends = connection.Query<(string Status, string? Reason)>("SELECT status, reason FROM snapshots").ToList();
                TestContext.Out.WriteLine(string.Join("\n", ends.GroupBy(e => $"{e.Status} {e.Reason}").OrderByDescending(g => g.Count()).Take(10).Select(g => $"{g.Count()} × {g.Key}")));
                Assert.That(ends.Count(e => e.Status == "done"), Is.GreaterThan(Links * 9 / 10), "the captures themselves work (kills cost at most the jobs they interrupted)");
                var html = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM snapshots s JOIN links l ON l.id = s.link_id WHERE l.url LIKE '%.html' AND s.status = 'done'");
                Assert.That(html, Is.GreaterThan(0), "pages rendered in Chromium were archived too");
            }

            await FaultChecks.AssertLibraryIntactAsync(last, []);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task ServePageAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var html = path.EndsWith(".html", StringComparison.Ordinal);
        context.Response.ContentType = html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        await context.Response.WriteAsync(html
            ? $"<!doctype html><title>Page {path}</title><p>Rendered page {path}.</p>"
            : $"Note {path}: a small text document.\n");
    }

    private static byte[] Netscape(IEnumerable<string> urls)
    {
        var file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Imported</H3>\n<DL><p>\n");
        var n = 0;
        foreach (var url in urls)
        {
            file.Append($"<DT><A HREF=\"{url}\" ADD_DATE=\"{1_500_000_000 + n}\">Bookmark {n++}</A>\n");
        }

        return Encoding.UTF8.GetBytes(file.Append("</DL><p>\n</DL><p>\n").ToString());
    }

    private static async Task<JsonElement> WaitForProgressAsync(TestDaemon daemon, long id, Func<JsonElement, bool> reached, string what, int seconds = 120)
    {
        JsonElement progress = default;
        await FaultChecks.WaitUntilAsync(
            async () =>
            {
                progress = await daemon.Client.GetAsync($"/api/imports/{id}", CancellationToken.None);
                return reached(progress);
            },
            what,
            daemon,
            seconds);
        return progress;
    }
}
