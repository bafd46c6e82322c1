using Dapper;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// What every fault test asserts once the fault is over: every job ended done, partial or failed with a
/// reason, what was saved before the fault is still there, the database passes integrity_check, and
/// `reindex` gives back the same library (links, tags, snapshots) from the folders alone.
/// </summary>
public static class FaultChecks
{
    public static async Task AssertLibraryIntactAsync(TestDaemon daemon, IReadOnlyCollection<long> savedBefore)
    {
        var database = daemon.Paths.DatabasePath;
        using (var connection = Open(database))
        {
            Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
            var unfinished = connection.Query<string>("SELECT id || ' ' || status FROM snapshots WHERE status NOT IN ('done', 'partial', 'failed')").ToList();
            Assert.That(unfinished, Is.Empty, "jobs that never ended");
            var silent = connection.Query<string>("SELECT id || ' ' || status FROM snapshots WHERE status IN ('partial', 'failed') AND (reason IS NULL OR trim(reason) = '')").ToList();
            Assert.That(silent, Is.Empty, "jobs that ended badly without a reason");
            foreach (var id in savedBefore)
            {
                var (status, folder) = connection.QuerySingleOrDefault<(string, string)>("SELECT status, folder FROM snapshots WHERE id = @id", new { id });
                Assert.That(status, Is.EqualTo("done"), $"snapshot {id} was saved before the fault");
                Assert.That(File.Exists(Path.Combine(daemon.Paths.DataDirectory, folder, "page.html")), Is.True, $"snapshot {id} kept its page.html");
            }
        }

        var before = Library(database);
        var result = await daemon.Client.PostAsync("/api/reindex", null, CancellationToken.None);
        TestContext.Out.WriteLine($"reindex: {result}");
        var after = Library(database);
        Assert.That(after, Is.EqualTo(before), "reindex gives back the same library");
        using (var connection = Open(database))
        {
            Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
        }
    }

    /// <summary>The library as a person sees it, one line per link, tag and snapshot (ids of links may change on reindex; URLs do not).</summary>
    public static IReadOnlyList<string> Library(string databasePath)
    {
        using var connection = Open(databasePath);
        return
        [
            .. connection.Query<string>("SELECT 'link ' || url || ' | ' || COALESCE(title, '') || ' | ' || COALESCE(note, '') FROM links ORDER BY url"),
            .. connection.Query<string>("SELECT 'tag ' || l.url || ' ' || t.name FROM link_tags lt JOIN links l ON l.id = lt.link_id JOIN tags t ON t.id = lt.tag_id ORDER BY 1"),
            .. connection.Query<string>("SELECT 'snapshot ' || s.id || ' ' || l.url || ' ' || s.status || ' | ' || COALESCE(s.reason, '') || ' | ' || COALESCE(s.folder, '') FROM snapshots s JOIN links l ON l.id = s.link_id ORDER BY s.id"),
        ];
    }

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Ids of the snapshots that are done now (saved: must survive any later fault).</summary>
    public static IReadOnlyList<long> Saved(string databasePath)
    {
        using var connection = Open(databasePath);
        return [.. connection.Query<long>("SELECT id FROM snapshots WHERE status = 'done'")];
    }

    /// <summary>Chromium processes below the daemon (renderer: those with --type=renderer; browser: the one without --type).</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> Chromium(int daemonPid) =>
        [.. ChildProcesses.Descendants(daemonPid)
            .Select(pid => (pid, CommandLine: CommandLine(pid)))
            .Where(p => p.CommandLine.Contains("chrom", StringComparison.OrdinalIgnoreCase) && !p.CommandLine.Contains("node", StringComparison.Ordinal))];

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls a condition with a bound; fails the test with <paramref name="what"/> and the daemon's log.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what, TestDaemon? daemon = null, int seconds = 60) =>
        Eventually.ValueAsync(condition, held => held, TimeSpan.FromSeconds(seconds), _ => $"{what}\n{daemon?.Log}");
}
