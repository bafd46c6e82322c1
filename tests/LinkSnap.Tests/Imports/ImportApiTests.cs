using System.Net;
using System.Text;
using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Imports;

/// <summary>
/// Importing through the real daemon (API over its socket, SQLite, real captures of a loopback fixture
/// server in Chromium): preview, import, links listed and searchable at once, captures archived in the
/// background, a gone page marked gone, a refused file changing nothing.
/// </summary>
[NonParallelizable]
public sealed class ImportApiTests
{
    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapHtml("/a", "<!doctype html><title>Page A</title><p>Alpha page about tide tables.</p>");
        _server.MapHtml("/b", "<!doctype html><title>页面 B</title><p>Beta page.</p>");
        _daemon = await TestDaemon.StartAsync(new TestDaemonOptions { Settings = { ["Background:HostGap"] = "00:00:00" } });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    // Links under a path prefix of their own, so that each test imports URLs no other test saved.
    private string Bookmarks(string prefix = "") => $"""
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <DL><p>
            <DT><H3>读书</H3>
            <DL><p>
                <DT><A HREF="{_server.Url(prefix + "/a")}" ADD_DATE="1500000000" TAGS="潮汐">导入的标题 A</A>
                <DD>从旧书签带来的笔记
                <DT><A HREF="{_server.Url(prefix + "/b")}" ADD_DATE="1500000100">B</A>
                <DT><A HREF="{_server.Url(prefix + "/gone")}" ADD_DATE="1500000200">Gone</A>
                <DT><A HREF="javascript:void(0)">bookmarklet</A>
                <DT><A HREF="{_server.Url(prefix + "/a")}?utm_source=x" ADD_DATE="1400000000">A again</A>
            </DL><p>
        </DL><p>
        """;

    private async Task<JsonElement> PostFileAsync(string path, string text) =>
        await _daemon.Client.PostAsync(path, new ByteArrayContent(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    [Test]
    public async Task The_preview_counts_links_duplicates_and_refusals_and_writes_nothing()
    {
        var before = await TotalAsync();
        var preview = await PostFileAsync("/api/imports/preview?name=bookmarks.html", Bookmarks("/preview"));

        Assert.That(preview.GetProperty("format").GetString(), Is.EqualTo("Netscape bookmarks HTML"));
        Assert.That(
            (preview.GetProperty("entries").GetInt32(), preview.GetProperty("links").GetInt32(), preview.GetProperty("duplicatesInFile").GetInt32(), preview.GetProperty("alreadySaved").GetInt32()),
            Is.EqualTo((5, 3, 1, 0)));
        var invalid = preview.GetProperty("invalid")[0];
        Assert.That(invalid.GetProperty("reason").GetString(), Does.StartWith("javascript: URLs are scripts"));
        Assert.That(preview.GetProperty("sample")[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "读书", "潮汐" }));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_bad_file_is_refused_with_its_name_and_changes_nothing()
    {
        var before = await TotalAsync();
        var error = await Assert.ThrowsAsync<LinkSnap.Cli.DaemonApiException>(() => PostFileAsync("/api/imports?name=people.csv", "name,address\nx,y\n"));

        Assert.That(error!.Status, Is.EqualTo((int)HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.StartWith("people.csv is CSV with the columns name,address"));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Imported_links_are_listed_and_searchable_at_once_and_archived_in_the_background()
    {
        var started = await PostFileAsync("/api/imports?name=bookmarks.html", Bookmarks());
        var id = started.GetProperty("import").GetProperty("id").GetInt64();

        var links = await WaitAsync(async () =>
        {
            var page = await _daemon.Client.GetAsync("/api/links?q=" + Uri.EscapeDataString("笔记"), CancellationToken.None);
            return page.GetProperty("items").GetArrayLength() == 1 ? page : (JsonElement?)null;
        });
        var a = links.GetProperty("items")[0];
        Assert.That(a.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1400000000)), "the earliest saved date of the two entries");
        Assert.That(a.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "读书", "潮汐" }));

        var done = await WaitAsync(async () =>
        {
            var progress = await _daemon.Client.GetAsync($"/api/imports/{id}", CancellationToken.None);
            return progress.GetProperty("status").GetString() == "done" ? progress : (JsonElement?)null;
        });
        Assert.That((done.GetProperty("created").GetInt32(), done.GetProperty("archived").GetInt32(), done.GetProperty("invalid").GetInt32()), Is.EqualTo((3, 3, 1)));
        var gone = await _daemon.Client.GetAsync("/api/links?q=Gone", CancellationToken.None);
        Assert.That(gone.GetProperty("items")[0].GetProperty("latest").GetProperty("gone").GetBoolean(), Is.True, "a 404 at import time marks the link gone");
        var titled = await _daemon.Client.GetAsync("/api/links?q=" + Uri.EscapeDataString("页面"), CancellationToken.None);
        Assert.That(titled.GetProperty("items")[0].GetProperty("title").GetString(), Is.EqualTo("页面 B"), "the capture's title replaces the exported one");
        var invalid = await _daemon.Client.GetAsync($"/api/imports/{id}/invalid", CancellationToken.None);
        Assert.That(invalid[0].GetProperty("url").GetString(), Is.EqualTo("javascript:void(0)"));
    }

    /// <summary>The bug: reindex dropped links imported with "bookmarks only" (no snapshot folder).</summary>
    [Test]
    public async Task Bookmarks_only_links_keep_their_tags_and_notes_through_reindex()
    {
        var file = $"""<DL><DT><A HREF="{_server.Url("/quiet/a")}" ADD_DATE="1400000000" TAGS="读书,潮汐">A</A><DD>只存书签的备注<DT><A HREF="{_server.Url("/quiet/b")}">B</A></DL>""";
        var started = await PostFileAsync("/api/imports?name=bookmarks.html&noCapture=true", file);
        var id = started.GetProperty("import").GetProperty("id").GetInt64();
        await WaitAsync(async () =>
        {
            var progress = await _daemon.Client.GetAsync($"/api/imports/{id}", CancellationToken.None);
            return progress.GetProperty("status").GetString() == "done" ? progress : (JsonElement?)null;
        });
        var quiet = "/api/links?q=" + Uri.EscapeDataString(_server.Url("/quiet/a").ToString());
        var before = (await _daemon.Client.GetAsync(quiet, CancellationToken.None)).GetProperty("items")[0];
        var linkId = before.GetProperty("id").GetInt64();
        await _daemon.Client.SendAsync(HttpMethod.Patch, $"/api/links/{linkId}", new { tags = new[] { "读书", "潮汐", "edited" } }, CancellationToken.None);

        await _daemon.Client.PostAsync("/api/reindex", new { }, CancellationToken.None);

        var after = await _daemon.Client.GetAsync($"/api/links/{linkId}", CancellationToken.None);
        Assert.That(after.GetProperty("note").GetString(), Is.EqualTo("只存书签的备注"));
        Assert.That(after.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "读书", "潮汐", "edited" }));
        Assert.That(after.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1400000000)));
        var journal = Path.Combine(_daemon.Paths.DataDirectory, LinkSnap.Core.Snapshots.LinkJournal.FileName);
        Assert.That(File.ReadAllText(journal), Does.Contain(_server.Url("/quiet/b").ToString()), "links.jsonl holds the bookmark-only links");
    }

    /// <summary>
    /// `linksnap import --wait` as a process, its output not a terminal: the progress comes as plain lines (no
    /// carriage returns), the last one with every capture ended; with --json only the JSON is written.
    /// </summary>
    [Test]
    public async Task Cli_import_shows_progress_as_plain_lines_when_not_a_terminal_and_nothing_but_json_with_json()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "bookmarks.html");
        // Not Bookmarks(): its note would be found by another test's search.
        string Plain(string prefix) => $"""<DL><DT><A HREF="{_server.Url(prefix + "/a")}">A</A><DT><A HREF="{_server.Url(prefix + "/b")}">B</A><DT><A HREF="{_server.Url(prefix + "/gone")}">Gone</A></DL>""";
        await File.WriteAllTextAsync(file, Plain("/cli"));

        var run = await _daemon.RunCliAsync("import", file, "--wait");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        TestContext.Out.WriteLine(run.Output);
        Assert.That(run.Output, Does.Not.Contain("\r"));
        var lines = run.Output.Split('\n');
        Assert.That(lines, Has.Some.Match(@"^\[#{20}\] added 3/3 · archived 3 · queued 0 · failed 0 · nothing left$"), "the last progress line: all captures ended (a 404 is archived as gone)");
        Assert.That(lines, Has.Some.StartsWith("Import ").And.Some.StartsWith("3 captures archived, 0 failed."));

        await File.WriteAllTextAsync(file, Plain("/cli-json"));
        var json = await _daemon.RunCliAsync("import", file, "--json");
        Assert.That(json.ExitCode, Is.EqualTo(0), json.Error);
        using var parsed = JsonDocument.Parse(json.Output); // nothing else in the output, or this throws
        Assert.That(parsed.RootElement.GetProperty("import").GetProperty("added").GetInt32(), Is.EqualTo(3));
    }

    /// <summary>
    /// A 200 MB file (sparse: it takes no disk) is refused by its size with a message naming it. The CLI says so
    /// before reading it: its message names the path as given, while the daemon only ever sees the file's name.
    /// (The API refuses the same size from Content-Length before reading the body; HttpClient cannot send a
    /// request that announces more than it sends, so that path is not driven here.)
    /// </summary>
    [Test]
    public async Task A_200_MB_file_is_refused_by_its_size_naming_the_file_before_it_is_read()
    {
        using var temp = new TempDirectory();
        var huge = Path.Combine(temp.Path, "huge-bookmarks.html");
        await using (var file = File.Create(huge))
        {
            file.Write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"u8);
            file.SetLength(200L * 1024 * 1024);
        }

        var before = await TotalAsync();
        var cli = await _daemon.RunCliAsync("import", huge);

        Assert.That(cli.ExitCode, Is.EqualTo(2), cli.Output);
        Assert.That(cli.Error, Does.Contain($"{huge} is 200 MB; an import takes at most 128 MB."));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    /// <summary>
    /// Pause holds an import's queued captures back (even while a capture the user asked for runs on the same
    /// site), resume runs them to the end, and cancel drops the queued ones and keeps the links. The first
    /// capture of each import is held at the fixture server until the test lets it go, so "queued" is certain.
    /// </summary>
    [Test]
    public async Task Pause_holds_the_captures_back_resume_finishes_them_and_cancel_drops_the_queued_ones_keeping_the_links()
    {
        var held = new Dictionary<string, TaskCompletionSource>();
        var hits = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        foreach (var run in new[] { "pause", "cancel" })
        {
            var gate = held[run] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = $"/{run}/first";
            _server.Map(first, async ctx =>
            {
                hits.AddOrUpdate(first, 1, (_, n) => n + 1);
                await gate.Task;
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync("<!doctype html><title>First</title><p>The first page, held back.</p>");
            });
            foreach (var name in new[] { "second", "third" })
            {
                var path = $"/{run}/{name}";
                _server.Map(path, async ctx =>
                {
                    hits.AddOrUpdate(path, 1, (_, n) => n + 1);
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.Response.WriteAsync($"<!doctype html><title>{name}</title><p>The {name} page.</p>");
                });
            }
        }

        string File(string run) => $"""<DL><DT><A HREF="{_server.Url($"/{run}/first")}">1</A><DT><A HREF="{_server.Url($"/{run}/second")}">2</A><DT><A HREF="{_server.Url($"/{run}/third")}">3</A></DL>""";
        async Task<long> StartHeldAsync(string run)
        {
            var id = (await PostFileAsync($"/api/imports?name={run}.html", File(run))).GetProperty("import").GetProperty("id").GetInt64();
            await Eventually.TrueAsync(() => hits.ContainsKey($"/{run}/first"), TimeSpan.FromSeconds(120), $"the {run} import's first capture to reach the held page");
            return id;
        }
        Task<JsonElement> ProgressAsync(long id) => _daemon.Client.GetAsync($"/api/imports/{id}", CancellationToken.None);
        int Count(JsonElement progress, string name) => progress.GetProperty(name).GetInt32();

        var paused = await StartHeldAsync("pause");
        Assert.That((await _daemon.Client.PostAsync($"/api/imports/{paused}/pause", new { }, CancellationToken.None)).GetProperty("status").GetString(), Is.EqualTo("paused"));
        held["pause"].SetResult();
        await WaitAsync(async () => await ProgressAsync(paused) is var p && Count(p, "archived") == 1 ? p : (JsonElement?)null);
        // A capture the user asks for on the same site runs and ends: the runner was free, and still left the paused ones.
        await _daemon.CaptureAsync(_server.Url("/a?asked-while-paused"));
        var whilePaused = await ProgressAsync(paused);
        Assert.That((Count(whilePaused, "queued"), Count(whilePaused, "running")), Is.EqualTo((2, 0)), "a paused import's captures wait");
        Assert.That(hits.ContainsKey("/pause/second") || hits.ContainsKey("/pause/third"), Is.False);

        Assert.That((await _daemon.Client.PostAsync($"/api/imports/{paused}/resume", new { }, CancellationToken.None)).GetProperty("status").GetString(), Is.EqualTo("capturing"));
        var resumed = await WaitAsync(async () => await ProgressAsync(paused) is var p && p.GetProperty("status").GetString() == "done" ? p : (JsonElement?)null);
        Assert.That((Count(resumed, "archived"), Count(resumed, "queued"), Count(resumed, "failed")), Is.EqualTo((3, 0, 0)));

        var cancelled = await StartHeldAsync("cancel");
        var afterCancel = await _daemon.Client.PostAsync($"/api/imports/{cancelled}/cancel", new { }, CancellationToken.None);
        Assert.That((afterCancel.GetProperty("status").GetString(), Count(afterCancel, "queued")), Is.EqualTo(("cancelled", 0)), "cancel drops the queued captures at once");
        held["cancel"].SetResult();
        var ended = await WaitAsync(async () => await ProgressAsync(cancelled) is var p && Count(p, "running") == 0 ? p : (JsonElement?)null);
        Assert.That(Count(ended, "queued"), Is.EqualTo(0));
        foreach (var name in new[] { "second", "third" })
        {
            var listed = await _daemon.Client.GetAsync("/api/links?q=" + Uri.EscapeDataString(_server.Url($"/cancel/{name}").ToString()), CancellationToken.None);
            Assert.That(listed.GetProperty("items").GetArrayLength(), Is.EqualTo(1), $"the cancelled import's {name} link stays in the library");
        }

        Assert.That(hits.ContainsKey("/cancel/second") || hits.ContainsKey("/cancel/third"), Is.False, "no dropped capture ran");
        var error = await Assert.ThrowsAsync<LinkSnap.Cli.DaemonApiException>(() => _daemon.Client.PostAsync($"/api/imports/{cancelled}/resume", new { }, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("has ended (cancelled)"));
    }

    /// <summary>`linksnap import FILE --dry-run`: the preview is shown, and nothing is imported.</summary>
    [Test]
    public async Task Cli_dry_run_shows_the_preview_and_imports_nothing()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "bookmarks.html");
        await File.WriteAllTextAsync(file, Bookmarks("/dry-run"));
        var before = await TotalAsync();
        var importsBefore = (await _daemon.Client.GetAsync("/api/imports", CancellationToken.None)).GetArrayLength();

        var run = await _daemon.RunCliAsync("import", file, "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("bookmarks.html: Netscape bookmarks HTML, 5 entries -> 3 links (1 duplicates in the file, 0 already saved, 1 not importable)"));
        Assert.That(run.Output, Does.Contain("not imported: ").And.Contain("javascript: URLs are scripts"), "the refused entry is listed with its reason");
        Assert.That(run.Output, Does.Contain("Dry run: nothing was imported."));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
        Assert.That((await _daemon.Client.GetAsync("/api/imports", CancellationToken.None)).GetArrayLength(), Is.EqualTo(importsBefore), "no import was recorded");
    }

    private async Task<int> TotalAsync() =>
        (await _daemon.Client.GetAsync("/api/links", CancellationToken.None)).GetProperty("total").GetInt32();

    private static async Task<JsonElement> WaitAsync(Func<Task<JsonElement?>> probe) =>
        (await Eventually.ValueAsync(probe, found => found is not null, TimeSpan.FromSeconds(120), last => $"the import to get there (last seen: {last})"))!.Value;
}
