using System.Text;
using System.Text.Json;
using LinkSnap.Core.Snapshots;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Imports;

/// <summary>
/// The bug: a reindex that read links.jsonl before an edit and rewrote (compacted) it after dropped that
/// edit's line, and could write the old note back into the database. Edits and reindex now take turns on
/// links.jsonl's lock. Here edits of 200 bookmark-only links (through the API) run while reindex runs again
/// and again; afterwards every edit is in the database, in links.jsonl, and survives one more reindex.
/// </summary>
[NonParallelizable]
public sealed class ReindexRaceTests
{
    private const int Count = 200;

    [Test]
    public async Task Edits_made_while_reindex_runs_are_neither_dropped_from_links_jsonl_nor_undone()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var file = new StringBuilder("<DL>");
        for (var i = 0; i < Count; i++)
        {
            file.Append($"<DT><A HREF=\"https://race.example/{i}\">Race {i}</A><DD>before\n");
        }

        var started = await daemon.Client.PostAsync("/api/imports?name=race.html&noCapture=true", new ByteArrayContent(Encoding.UTF8.GetBytes(file.Append("</DL>").ToString())), CancellationToken.None);
        var importId = started.GetProperty("import").GetProperty("id").GetInt64();
        await Eventually.TrueAsync(
            async () => (await daemon.Client.GetAsync($"/api/imports/{importId}", CancellationToken.None)).GetProperty("status").GetString() == "done",
            TimeSpan.FromSeconds(60), "the import to finish");

        var ids = (await daemon.Client.GetAsync($"/api/links?limit={Count}", CancellationToken.None)).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()).ToList();
        Assert.That(ids, Has.Count.EqualTo(Count));

        using var editsDone = new CancellationTokenSource();
        var reindexes = 0;
        var reindexing = Task.Run(async () =>
        {
            while (!editsDone.IsCancellationRequested)
            {
                await daemon.Client.PostAsync("/api/reindex", new { }, CancellationToken.None);
                reindexes++;
            }
        });
        foreach (var id in ids)
        {
            await daemon.Client.SendAsync(HttpMethod.Patch, $"/api/links/{id}", new { note = $"edited {id}" }, CancellationToken.None);
        }

        await editsDone.CancelAsync();
        await reindexing;
        TestContext.Out.WriteLine($"{reindexes} reindexes ran during {Count} edits");
        Assert.That(reindexes, Is.GreaterThan(1), "reindex ran during the edits");

        await AssertEveryEditKeptAsync(daemon, ids, "after the race");
        var journal = new LinkJournal(daemon.Paths, TimeProvider.System).ReadLatest([]);
        var lost = ids.Where(id => journal.Values.FirstOrDefault(e => e.Id == id)?.Link?.Note != $"edited {id}").ToList();
        Assert.That(lost, Is.Empty, "links whose edit is missing from links.jsonl");

        await daemon.Client.PostAsync("/api/reindex", new { }, CancellationToken.None);
        await AssertEveryEditKeptAsync(daemon, ids, "after one more reindex");
    }

    private static async Task AssertEveryEditKeptAsync(TestDaemon daemon, IReadOnlyList<long> ids, string when)
    {
        var page = await daemon.Client.GetAsync($"/api/links?limit={Count}", CancellationToken.None);
        var notes = page.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("url").GetString()!, l => l.GetProperty("note").GetString());
        var undone = notes.Where(n => n.Value == "before").Select(n => n.Key).ToList();
        Assert.That(undone, Is.Empty, $"links whose edit was undone {when}");
        Assert.That(notes, Has.Count.EqualTo(Count));
    }
}
