using System.Text.Json;
using LinkSnap.Cli;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// Files changed by hand while the daemon runs: a snapshot folder deleted, an artifact file deleted,
/// snapshot.json truncated. The API says which files are gone (no 500) before any reindex; reindex then
/// drops what cannot come back, each with its reason, and restores the rest as it was.
/// </summary>
[NonParallelizable]
public sealed class DeletedFilesTests
{
    [Test]
    public async Task Deleted_folders_and_files_show_a_clear_state_and_reindex_skips_them_with_reasons()
    {
        await using var server = await FixtureServer.StartAsync();
        string[] names = ["folder-deleted", "file-deleted", "json-truncated", "intact"];
        foreach (var name in names)
        {
            server.MapHtml($"/{name}", $"<html><head><title>{name}</title></head><body><p>The {name} page.</p></body></html>");
        }

        using var temp = new TempDirectory();
        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path));
        var snapshots = new Dictionary<string, LinkSnap.Api.SnapshotDto>();
        foreach (var name in names)
        {
            snapshots[name] = (await daemon.CaptureAsync(server.Url($"/{name}"), "by-hand")).Snapshot;
            Assert.That(snapshots[name].Status, Is.EqualTo(SnapshotStatus.Done));
        }

        long Id(string name) => snapshots[name].Id;
        string Folder(string name) => snapshots[name].Folder!;
        var before = FaultChecks.Library(daemon.Paths.DatabasePath);
        Directory.Delete(Folder("folder-deleted"), recursive: true);
        File.Delete(Path.Combine(Folder("file-deleted"), "page.html"));
        var json = Path.Combine(Folder("json-truncated"), "snapshot.json");
        File.WriteAllText(json, File.ReadAllText(json)[..40]);

        var gone = await daemon.Client.GetAsync($"/api/snapshots/{Id("folder-deleted")}", CancellationToken.None);
        Assert.That(gone.GetProperty("folderMissing").GetBoolean(), Is.True);
        Assert.That(gone.GetProperty("missingFiles").EnumerateArray().Select(f => f.GetString()), Does.Contain("page.html"));
        Assert.That(gone.GetProperty("thumbnailUrl").ValueKind, Is.EqualTo(JsonValueKind.Null), "no thumbnail link to a deleted file");
        var html = gone.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == "page.html");
        Assert.That(html.GetProperty("missing").GetBoolean(), Is.True);
        Assert.That(html.GetProperty("url").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var notServed = await Assert.ThrowsAsync<DaemonApiException>(() => daemon.Client.GetAsync($"/api/snapshots/{Id("folder-deleted")}/files/page.html", CancellationToken.None));
        Assert.That(notServed!.Status, Is.EqualTo(404));

        var partlyGone = await daemon.Client.GetAsync($"/api/snapshots/{Id("file-deleted")}", CancellationToken.None);
        Assert.That(partlyGone.TryGetProperty("folderMissing", out _), Is.False);
        Assert.That(partlyGone.GetProperty("missingFiles").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "page.html" }));
        var intact = await daemon.Client.GetAsync($"/api/snapshots/{Id("intact")}", CancellationToken.None);
        Assert.That(intact.TryGetProperty("missingFiles", out _), Is.False);
        Assert.That((await daemon.Client.GetAsync("/api/links?tag=by-hand", CancellationToken.None)).GetProperty("items").GetArrayLength(), Is.EqualTo(4), "the list still answers");

        var reindex = await daemon.Client.PostAsync("/api/reindex", null, CancellationToken.None);
        var skipped = reindex.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()!).ToList();
        TestContext.Out.WriteLine(string.Join("\n", skipped));
        Assert.That(skipped, Has.Count.EqualTo(2));
        Assert.That(skipped.Single(s => s.StartsWith(Folder("folder-deleted"), StringComparison.Ordinal)), Does.Contain($"snapshot {Id("folder-deleted")} is no longer on disk"));
        Assert.That(skipped.Single(s => s.StartsWith(Folder("json-truncated"), StringComparison.Ordinal)), Does.Contain("snapshot.json cannot be read"));

        string[] dropped = ["/folder-deleted", "/json-truncated"];
        // links.jsonl still knows the two links and their tags; their snapshots (and the titles those gave) cannot come back.
        bool Dropped(string line) => (line.StartsWith("snapshot ", StringComparison.Ordinal) || line.StartsWith("link ", StringComparison.Ordinal)) && dropped.Any(d => line.Contains(d, StringComparison.Ordinal));
        var rebuilt = FaultChecks.Library(daemon.Paths.DatabasePath);
        Assert.That(rebuilt.Where(l => !Dropped(l)), Is.EqualTo(before.Where(l => !Dropped(l))), "every other link, tag and snapshot comes back as it was");
        Assert.That(rebuilt.Count(l => l.StartsWith("link ", StringComparison.Ordinal) && Dropped(l)), Is.EqualTo(2), "the links themselves stay (links.jsonl)");
        Assert.That((await daemon.Client.GetAsync($"/api/snapshots/{Id("file-deleted")}", CancellationToken.None)).GetProperty("missingFiles").GetArrayLength(), Is.EqualTo(1),
            "a restored snapshot still says its file is gone");
        await FaultChecks.AssertLibraryIntactAsync(daemon, [Id("intact")]);
    }
}
