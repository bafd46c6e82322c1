using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Cli;

/// <summary>
/// The CLI's commands, parsed and run in this process (System.CommandLine, output captured) against
/// the real daemon on a temp data directory, capturing a fixture page in real Chromium. Process-level
/// behaviour (starting and stopping the daemon, exit codes of the real executable) is in CliProcessTests.
/// </summary>
[NonParallelizable]
public sealed class CliCommandTests
{
    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;
    private CliRun _capture = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapHtml("/cli", CliFixturePage.Html);
        _daemon = await TestDaemon.StartAsync();

        // One capture shared by the tests; every test reads from it (link 1).
        _capture = await Run("capture", _server.Url("/cli").ToString(), "--tag", "cli", "--tag", "中文", "--note", "from the terminal", "--wait");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<CliRun> Run(params string[] args) => _daemon.RunCliAsync(args);

    [Test]
    public async Task Capture_wait_prints_the_status_and_the_saved_files()
    {
        var run = _capture;

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("Snapshot 1 of link 1: done"));
        var htmlLine = run.Output.Split('\n').Single(l => l.TrimStart().StartsWith("html ", StringComparison.Ordinal));
        var htmlPath = htmlLine.Trim()["html".Length..].Trim();
        Assert.That(await File.ReadAllTextAsync(htmlPath), Does.Contain("这个页面讨论语言模型"));
        Assert.That(htmlPath, Does.StartWith(_daemon.DataDirectory));
    }

    [Test]
    public async Task List_search_tags_show_and_open_read_what_was_saved()
    {
        var list = await Run("list");
        Assert.That(list.ExitCode, Is.EqualTo(0));
        Assert.That(list.Output, Does.Contain("CLI fixture 模型"));
        Assert.That(list.Output, Does.Contain("[cli, 中文]"));

        var search = await Run("search", "模型");
        Assert.That(search.ExitCode, Is.EqualTo(0));
        Assert.That(search.Output, Does.Contain("[模型]"), "hits are bracketed in the snippet");

        var tags = await Run("tags");
        Assert.That(tags.Output, Does.Contain("1  cli"));

        var show = await Run("show", "1");
        Assert.That(show.Output, Does.Contain("note:  from the terminal"));
        Assert.That(show.Output, Does.Contain("screenshot"));

        var open = await Run("open", "1");
        Assert.That(open.ExitCode, Is.EqualTo(0));
        Assert.That(File.Exists(open.Output.Trim()), Is.True);
        Assert.That(Path.GetFileName(open.Output.Trim()), Is.EqualTo("page.html"));
    }

    [Test]
    public async Task Json_output_is_parseable_and_tag_edits_apply()
    {
        var added = await Run("tag", "add", "1", "extra", "--json");
        Assert.That(added.ExitCode, Is.EqualTo(0));
        Assert.That(JsonDocument.Parse(added.Output).RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("extra"));
        var removed = await Run("tag", "remove", "1", "EXTRA");
        Assert.That(removed.Output, Does.Not.Contain("extra"));

        var list = JsonDocument.Parse((await Run("list", "--json")).Output).RootElement;
        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()), Does.Contain(_server.Url("/cli").ToString()));
        var show = JsonDocument.Parse((await Run("show", "1", "--json")).Output).RootElement;
        Assert.That(show.GetProperty("snapshots").EnumerateArray().Last().GetProperty("status").GetString(), Is.EqualTo("done"));
        var search = JsonDocument.Parse((await Run("search", "模", "--json")).Output).RootElement;
        Assert.That(search.GetProperty("items")[0].GetProperty("snippet").GetString(), Does.Contain("<mark>模</mark>"));
        var status = JsonDocument.Parse((await Run("status", "--json")).Output).RootElement;
        Assert.That(status.GetProperty("dataDirectory").GetString(), Is.EqualTo(_daemon.DataDirectory));
        var reindex = JsonDocument.Parse((await Run("reindex", "--json")).Output).RootElement;
        Assert.That(reindex.GetProperty("links").GetInt32(), Is.EqualTo(list.GetProperty("total").GetInt32()));
        Assert.That((await Run("search", "语言模型")).Output, Does.Contain("CLI fixture"), "search still works after reindex");
    }

    [Test]
    public async Task Edit_sets_read_later_states_and_list_filters_by_them()
    {
        var edited = await Run("edit", "1", "--read", "--favorite");
        Assert.That(edited.ExitCode, Is.EqualTo(0), edited.Error);
        Assert.That(edited.Output, Does.Contain("state: read, favorite"));

        var favorites = await Run("list", "--state", "favorite");
        Assert.That(favorites.Output, Does.Contain("CLI fixture 模型 (read, favorite)"));
        Assert.That((await Run("list", "--state", "unread", "--tag", "cli")).Output, Does.Contain("No links."));

        var contradiction = await Run("edit", "1", "--read", "--unread");
        Assert.That(contradiction.ExitCode, Is.EqualTo(2));
        Assert.That(contradiction.Error, Does.Contain("contradict"));
        var badState = await Run("list", "--state", "starred");
        Assert.That(badState.ExitCode, Is.EqualTo(2));
        Assert.That(badState.Error, Does.Contain("state must be"));

        var restored = await Run("edit", "1", "--unread", "--unfavorite", "--json");
        Assert.That(JsonDocument.Parse(restored.Output).RootElement.GetProperty("favorite").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Capture_takes_many_urls_from_arguments_and_stdin_one_line_each()
    {
        var many = await Run("capture", _server.Url("/cli?many=1").ToString(), _server.Url("/cli?many=2").ToString() + "," + _server.Url("/cli?many=1").ToString(), "file:///etc/passwd", "--tag", "many");
        Assert.That(many.ExitCode, Is.EqualTo(2), "a refused URL makes the exit code 2");
        var lines = many.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.StartsWith("queued ", StringComparison.Ordinal)), Is.EqualTo(2), many.Output);
        Assert.That(lines.Single(l => l.StartsWith("invalid ", StringComparison.Ordinal)), Does.Contain("file:///etc/passwd"));
        Assert.That(many.Output, Does.Contain("1 duplicate(s) merged."));

        var piped = await _daemon.RunCliWithInputAsync($"- [Third]({_server.Url("/cli?many=3")})\n\n{_server.Url("/cli?many=4")}\n", "capture", "-", "--json");
        Assert.That(piped.ExitCode, Is.EqualTo(0), piped.Error);
        var items = JsonDocument.Parse(piped.Output).RootElement;
        Assert.That(items.EnumerateArray().Select(i => (i.GetProperty("url").GetString(), i.GetProperty("status").GetString())),
            Is.EqualTo(new[] { (_server.Url("/cli?many=3").ToString(), "queued"), (_server.Url("/cli?many=4").ToString(), "queued") }));
    }

    [Test]
    public async Task Errors_have_messages_and_exit_codes()
    {
        var badUrl = await Run("capture", "javascript:alert(1)");
        Assert.That((badUrl.ExitCode, badUrl.Error), Is.EqualTo((2, "linksnap: javascript: URLs are scripts, not pages; only http and https pages can be captured.\n")));

        var missing = await Run("show", "999");
        Assert.That(missing.ExitCode, Is.EqualTo(4));
        Assert.That(missing.Error, Does.Contain("There is no link 999"));

        var usage = await Run("tag", "paint", "1");
        Assert.That(usage.ExitCode, Is.EqualTo(2));
        Assert.That(usage.Error, Does.Contain("linksnap tag add ID TAG"));

        var unknown = await Run("--colour");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));

        var failed = await Run("capture", "http://127.0.0.1:1/closed", "--wait");
        Assert.That(failed.ExitCode, Is.EqualTo(1));
        Assert.That(failed.Output, Does.Contain(": failed ("));

        var help = await Run("--help");
        Assert.That((help.ExitCode, help.Output.Contains("exit codes", StringComparison.Ordinal)), Is.EqualTo((0, true)));
    }

    [Test]
    public async Task Token_rotate_prints_a_new_login_link_and_the_old_link_and_session_stop_working()
    {
        var oldLink = new Uri((await Run("open-library")).Output.Trim());
        Assert.That(oldLink.Host, Does.Match("^ls-[a-z2-7]{20}\\.localhost$"), "the library has a host name of its own");
        using var http = TestDaemon.LoopbackClient(new Uri(oldLink.GetLeftPart(UriPartial.Authority)));
        using var login = await http.GetAsync(oldLink.PathAndQuery);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var rotate = await Run("token", "--rotate");
        Assert.That(rotate.ExitCode, Is.EqualTo(0), rotate.Error);
        var newLink = (await Run("open-library")).Output.Trim();
        Assert.That(rotate.Output, Does.Contain("new login link: " + newLink));
        Assert.That(newLink, Is.Not.EqualTo(oldLink.ToString()));

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/links");
        replay.Headers.Add("Cookie", cookie);
        Assert.That((await http.SendAsync(replay)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized), "the old session");
        Assert.That((await http.GetAsync(oldLink.PathAndQuery)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized), "the old login link");
        Assert.That((await http.GetAsync(new Uri(newLink).PathAndQuery)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), "the new login link");

        var usage = await Run("token");
        Assert.That((usage.ExitCode, usage.Error.Contains("--rotate", StringComparison.Ordinal)), Is.EqualTo((2, true)));
    }
}
