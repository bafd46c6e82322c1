using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Jobs;

/// <summary>
/// Recapturing an unchanged page costs next to no disk: the files that came out the same are hard
/// links to the previous snapshot's, and deleting either snapshot leaves the other complete.
/// </summary>
[NonParallelizable]
public sealed class RecaptureStorageTests
{
    private const string Page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide tables for the week</title></head>
        <body><article><h1>Tide tables for the week</h1>
        <p>High water at the harbour mouth comes about forty minutes later each day this week, as the neap tides begin.</p>
        <p>Boats leaving on the morning tide should expect a strong ebb around the point until half past nine on Thursday.</p>
        <p>The harbour master asks skippers to keep clear of the dredger working in the north channel until Saturday.</p>
        </article></body></html>
        """;

    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapHtml("/tides", Page);
        _daemon = await TestDaemon.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Recapturing_an_unchanged_page_links_identical_files_and_either_snapshot_survives_the_other()
    {
        var (linkId, firstId, _) = await _daemon.QueueAsync(new CaptureInput { Url = _server.Url("/tides").ToString() });
        var first = await _daemon.WaitForSnapshotAsync(firstId);
        var recapture = await _daemon.Client.PostAsync($"/api/links/{linkId}/recapture", null, CancellationToken.None);
        var second = await _daemon.WaitForSnapshotAsync(recapture.GetProperty("snapshotId").GetInt64());
        Assert.That(first.Status, Is.EqualTo(SnapshotStatus.Done), first.ToString());
        Assert.That(second.Status, Is.EqualTo(SnapshotStatus.Done), second.ToString());

        var firstFolder = first.Folder!;
        var secondFolder = second.Folder!;
        var identical = Directory.GetFiles(secondFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => File.Exists(Path.Combine(firstFolder, name))
                && File.ReadAllBytes(Path.Combine(firstFolder, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(secondFolder, name))))
            .ToList();
        // page.html and page.pdf carry their capture time, so only the other artifacts can be shared.
        Assert.That(identical, Does.Contain(ArtifactName(second, "article-text")).And.Contain(ArtifactName(second, "article-html")), "an unchanged page gives the same article");
        Assert.That(identical, Does.Not.Contain("snapshot.json"), "each snapshot keeps its own record");

        var kept = new Dictionary<string, byte[]>();
        foreach (var name in identical)
        {
            var (firstInode, firstLinks) = await StatAsync(Path.Combine(firstFolder, name));
            var (secondInode, secondLinks) = await StatAsync(Path.Combine(secondFolder, name));
            Assert.That((secondInode, firstLinks, secondLinks), Is.EqualTo((firstInode, 2, 2)), $"{name} is one file on disk");
            kept[name] = File.ReadAllBytes(Path.Combine(secondFolder, name));
        }

        await _daemon.Client.DeleteAsync($"/api/snapshots/{firstId}", CancellationToken.None);
        Assert.That(Directory.Exists(firstFolder), Is.False, "the first snapshot is gone");
        foreach (var (name, bytes) in kept)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(secondFolder, name)), Is.EqualTo(bytes), $"{name} of the second snapshot is intact");
            Assert.That((await StatAsync(Path.Combine(secondFolder, name))).Links, Is.EqualTo(1));
        }
    }

    private static string ArtifactName(SnapshotDto snapshot, string kind) =>
        snapshot.Artifacts!.Single(a => a.Kind == kind).FileName!;

    /// <summary>Inode and hard-link count as stat(1) reports them (.NET does not expose st_nlink).</summary>
    private static async Task<(long Inode, int Links)> StatAsync(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i %h", path]) { RedirectStandardOutput = true })!;
        var output = (await stat.StandardOutput.ReadToEndAsync()).Trim().Split(' ');
        await stat.WaitForExitAsync();
        return (long.Parse(output[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(output[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
