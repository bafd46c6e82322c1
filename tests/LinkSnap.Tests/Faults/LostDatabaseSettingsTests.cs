using System.Text;
using Dapper;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// The bug: after linksnap.db was lost, `linksnap reindex` brought back links, tags and versions but not the
/// watches, the tags watched as a whole or the default tags. Here they are set through the daemon's API (as the
/// library, the extension's relay and the CLI set them), a tag is renamed, the daemon stops, the database files
/// are deleted, and a new daemon's reindex gives back the three tables row for row (library-settings.json).
/// </summary>
[NonParallelizable]
public sealed class LostDatabaseSettingsTests
{
    [Test]
    public async Task Reindex_after_the_database_is_lost_gives_back_watches_tag_watches_and_default_tags_row_for_row()
    {
        using var temp = new TempDirectory();
        // The scheduler stays off: a due watch would start a capture (of a host that does not exist) and change the rows compared.
        var options = new TestDaemonOptions { DataDirectory = temp.Path, Settings = new() { ["Watch:Enabled"] = "false" } };
        string[] before;
        await using (var daemon = await TestDaemon.StartAsync(options))
        {
            var file = """
                <DL><DT><H3>研究</H3><DL>
                <DT><A HREF="https://settings.example/paper" TAGS="nlp/interp">论文</A>
                <DT><A HREF="https://settings.example/blog">Blog</A>
                <DT><A HREF="https://settings.example/quiet" TAGS="nlp">Quiet</A>
                </DL></DL>
                """;
            var started = await daemon.Client.PostAsync("/api/imports?name=settings.html&noCapture=true", new ByteArrayContent(Encoding.UTF8.GetBytes(file)), CancellationToken.None);
            var importId = started.GetProperty("import").GetProperty("id").GetInt64();
            await Eventually.TrueAsync(
                async () => (await daemon.Client.GetAsync($"/api/imports/{importId}", CancellationToken.None)).GetProperty("status").GetString() == "done",
                TimeSpan.FromSeconds(60), "the import to finish");
            var blog = (await daemon.LookupAsync("https://settings.example/blog")).LinkId!.Value;
            var quiet = (await daemon.LookupAsync("https://settings.example/quiet")).LinkId!.Value;

            await daemon.Client.SendAsync(HttpMethod.Put, $"/api/links/{blog}/watch", new { every = "hourly" }, CancellationToken.None);
            await daemon.Client.SendAsync(HttpMethod.Put, $"/api/links/{quiet}/watch", new { every = "off" }, CancellationToken.None);
            await daemon.Client.SendAsync(HttpMethod.Put, "/api/tags/watch", new { tag = "nlp", every = "weekly" }, CancellationToken.None);
            await daemon.Client.SendAsync(HttpMethod.Put, "/api/default-tags", new { tags = new[] { "稍后读", "nlp" } }, CancellationToken.None);
            await daemon.Client.PostAsync("/api/tags/rename", new { from = "nlp", to = "ml/nlp" }, CancellationToken.None);

            before = Settings(daemon.Paths.DatabasePath);
            Assert.That(before, Does.Contain("tag ml/nlp ml/nlp weekly").And.Contain("default 1 ml/nlp ml/nlp").And.Contain("watch https://settings.example/quiet off link - - 0 - - -"));
            Assert.That(before.Count(r => r.StartsWith("watch ", StringComparison.Ordinal)), Is.EqualTo(3));
            await daemon.StopAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(temp.Path, "linksnap.db*"))
        {
            File.Delete(file);
        }

        await using (var daemon = await TestDaemon.StartAsync(options))
        {
            Assert.That(Settings(daemon.Paths.DatabasePath), Is.Empty, "a new, empty database");
            var reindex = await daemon.Client.PostAsync("/api/reindex", null, CancellationToken.None);
            TestContext.Out.WriteLine($"reindex: {reindex}");
            Assert.That(Settings(daemon.Paths.DatabasePath), Is.EqualTo(before));
            await daemon.StopAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Every column of the three tables (a watch by its link's URL; no check is in flight here).</summary>
    private static string[] Settings(string databasePath)
    {
        using var connection = FaultChecks.Open(databasePath);
        return
        [
            .. connection.Query<string>("SELECT 'default ' || position || ' ' || tag_key || ' ' || tag_name FROM default_tags ORDER BY position"),
            .. connection.Query<string>("SELECT 'tag ' || tag_key || ' ' || tag_name || ' ' || period FROM tag_watches ORDER BY tag_key"),
            .. connection.Query<string>(
                """
                SELECT 'watch ' || l.url || ' ' || w.period || ' ' || w.source || ' ' || IFNULL(w.next_due_at, '-') || ' ' || IFNULL(w.snapshot_id, '-') || ' ' ||
                       w.failures || ' ' || IFNULL(w.last_checked_at, '-') || ' ' || IFNULL(w.last_outcome, '-') || ' ' || IFNULL(w.last_reason, '-')
                FROM watches w JOIN links l ON l.id = w.link_id ORDER BY l.url
                """),
        ];
    }
}
