using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Export;

/// <summary>
/// GET /api/export on the real daemon (its socket, the CLI's client) and `linksnap export` /
/// `linksnap import ARCHIVE` as processes: export the archive, restore it into an empty home, refuse
/// a running daemon's home and a damaged zip. Captures are scripted (no browser: the files are the point).
/// </summary>
[NonParallelizable]
public sealed class ExportCliTests
{
    private TestDaemon _daemon = null!;
    private TempDirectory _temp = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var engine = new FakeCaptureEngine((request, folder, progress, _) => FakeCaptureEngine.SaveAsync(request, folder, progress));
        _daemon = await TestDaemon.StartAsync(s => s.AddSingleton<ICaptureEngine>(engine));
        _temp = new TempDirectory();
        foreach (var (url, tags) in new[] { ("https://example.cn/模型", new[] { "中文/模型" }), ("https://example.org/a", new[] { "misc" }), ("https://example.org/b", Array.Empty<string>()) })
        {
            var (_, snapshotId, _) = await _daemon.QueueAsync(new CaptureInput { Url = url, Tags = tags, Note = "笔记 " + url });
            await _daemon.WaitForSnapshotAsync(snapshotId);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        _temp.Dispose();
    }

    [Test]
    public async Task Api_streams_the_selected_links_as_a_named_download()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/export?format=json&tag=" + Uri.EscapeDataString("中文"));
        using var response = await _daemon.Client.SendRawAsync(request, CancellationToken.None);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Does.Match("^\"?linksnap-\\d{8}-\\d{4}\\.json\"?$"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var links = document.RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.That(links.Select(l => l.GetProperty("url").GetString()), Is.EqualTo(new[] { "https://example.cn/模型" }));
        Assert.That(links[0].GetProperty("snapshots")[0].GetProperty("status").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task Api_refuses_an_unknown_format_and_bad_ids_with_a_reason()
    {
        foreach (var (query, reason) in new[] { ("format=pdf", "Unknown export format 'pdf'"), ("format=csv&ids=1,x", "'x' is not one") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/export?" + query);
            using var response = await _daemon.Client.SendRawAsync(request, CancellationToken.None);
            Assert.That((int)response.StatusCode, Is.EqualTo(400), query);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
        }
    }

    [Test]
    public async Task Cli_exports_the_archive_and_restores_it_into_an_empty_home()
    {
        var archive = Path.Combine(_temp.Path, "library.zip");
        var export = await _daemon.RunCliAsync("export", "--format", "zip", "--output", archive);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Error);
        Assert.That(export.Output, Does.Contain("Exported to " + archive));

        var home = Path.Combine(_temp.Path, "new-home");
        var restore = await LinkSnapCli.RunAsync(home, "import", archive, "--json");
        Assert.That(restore.ExitCode, Is.EqualTo(0), restore.Error);
        using var result = JsonDocument.Parse(restore.Output);
        Assert.That(result.RootElement.GetProperty("links").GetInt32(), Is.EqualTo(3));
        Assert.That(Hashes(new LinkSnapPaths(home)), Is.EqualTo(Hashes(_daemon.Paths)).And.Count.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Cli_refuses_to_restore_over_a_running_daemon_or_from_a_damaged_zip()
    {
        var archive = Path.Combine(_temp.Path, "refused.zip");
        Assert.That((await _daemon.RunCliAsync("export", "--format", "zip", "--output", archive)).ExitCode, Is.EqualTo(0));

        var running = await _daemon.RunCliAsync("import", archive);
        Assert.That(running.ExitCode, Is.EqualTo(2));
        Assert.That(running.Error, Does.Contain("The daemon is running").And.Contain("linksnap stop"));

        var bytes = await File.ReadAllBytesAsync(archive);
        var damaged = Path.Combine(_temp.Path, "damaged.zip");
        await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length / 2)]);
        var home = Path.Combine(_temp.Path, "untouched");
        var broken = await LinkSnapCli.RunAsync(home, "import", damaged);
        Assert.That(broken.ExitCode, Is.EqualTo(2));
        Assert.That(broken.Error, Does.Contain("damaged.zip is not a readable zip file").And.Contain("Nothing was changed"));
        Assert.That(Directory.Exists(Path.Combine(home, "snapshots")) && Directory.EnumerateFiles(Path.Combine(home, "snapshots"), "*", SearchOption.AllDirectories).Any(), Is.False);
    }

    private static SortedDictionary<string, string> Hashes(LinkSnapPaths paths) =>
        new(Directory.EnumerateFiles(paths.SnapshotsDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/.tmp", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(paths.DataDirectory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
