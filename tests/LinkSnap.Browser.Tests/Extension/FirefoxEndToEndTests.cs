using System.Text.Json;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;
using LinkSnap.Install;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Tests.Relay;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The extension in a real Firefox (Debian's firefox-esr, installed by scripts/lib/prerequisites.sh), driven
/// through WebDriver BiDi by extension-tools/firefox-popup-save.mjs (puppeteer-core): the Firefox build from
/// scripts/package-extension is loaded as a temporary add-on, finds the relay registered for Firefox in the
/// test's HOME (~/.mozilla/native-messaging-hosts, written by the installer code) and saves a page from
/// the popup with two tags; the in-process daemon then has the snapshot with both tags.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FirefoxEndToEndTests
{
    /// <summary>Fixed with the pref extensions.webextensions.uuids, so the popup's URL is known.</summary>
    private const string AddonUuid = "4d1c3f0e-7b2a-4c59-9e61-0a8f5b3d2c17";

    [Test]
    public async Task Firefox_saves_a_page_from_the_popup_with_two_tags_through_the_native_host()
    {
        var firefox = FirefoxExecutable();
        Assert.That(firefox, Is.Not.Null, "Firefox is not installed: scripts/lib/prerequisites.sh installs firefox-esr (or set LINKSNAP_FIREFOX)");
        await ExtensionTools.EnsureInstalledAsync();
        var node = ToolProcess.FindOnPath("node");
        Assert.That(node, Is.Not.Null, "node is not installed (scripts/lib/prerequisites.sh installs it)");

        using var temp = new TempDirectory();
        var home = Path.Combine(temp.Path, "home");
        var data = Path.Combine(temp.Path, "data");
        var extension = await ExtensionTools.PackageAsync(Path.Combine(temp.Path, "extension"), "firefox");
        var relay = await RelayBinary.GetAsync();
        await using var server = await FixtureServer.StartAsync();
        server.MapHtml("/fox", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Foxes of the northern forest</title></head>"
            + "<body><h1>Foxes of the northern forest</h1><p>Red foxes den in the sandy slopes by the river.</p></body></html>");
        var page = server.Url("/fox").ToString();

        // `linksnap install --browser firefox` for a person whose home is `home`.
        var written = new NativeHostInstaller(home, data).Install(new InstallOptions(["firefox"], [], relay, null), relay);
        var manifest = Path.Combine(home, ".mozilla", "native-messaging-hosts", NativeHostManifest.FileName);
        Assert.That(written, Has.Exactly(1).EndsWith(manifest));

        await using var daemon = await TestDaemon.StartAsync(ExtensionHarness.DaemonOptions(data));
        using var api = new SocketApi(Path.Combine(data, "daemon.sock"));

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "firefox-popup-saved.png");
        var run = await ToolProcess.RunAsync(node!, ExtensionTools.Folder,
            ["firefox-popup-save.mjs", "--firefox", firefox!, "--extension", extension, "--page", page, "--uuid", AddonUuid,
             "--tags", "wildlife/foxes, 森林", "--screenshot", screenshot],
            new Dictionary<string, string>
            {
                ["HOME"] = home, // Firefox reads ~/.mozilla/native-messaging-hosts from here
                ["LINKSNAP_HOME"] = data,
                ["LINKSNAP_RELAY_NO_START"] = "1", // the daemon runs in this process
            },
            TimeSpan.FromSeconds(150));
        TestContext.Out.WriteLine(run.Output);
        TestContext.Out.WriteLine(run.Error);
        Assert.That(run.ExitCode, Is.EqualTo(0), "the Firefox run failed:\n" + run.Error);
        if (File.Exists(screenshot))
        {
            TestContext.AddTestAttachment(screenshot, "the Firefox popup after saving");
        }

        var popup = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]).RootElement;
        Assert.That(popup.GetProperty("tagsLoaded").GetBoolean(), Is.True, "the popup loaded the tags through the native host");
        Assert.That(popup.GetProperty("state").GetString(), Is.EqualTo("done"), popup.GetProperty("text").GetString());

        var (link, snapshot) = await api.WaitForSavedAsync(page, TimeSpan.FromSeconds(60));
        Assert.That(link.Tags, Is.EquivalentTo(new[] { "wildlife/foxes", "森林" }));
        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Done));
        Assert.That(snapshot.Mode, Is.EqualTo(CaptureMode.AsSeen), "the popup's default: the copy comes from the Firefox tab");
        var html = snapshot.Artifacts!.First(a => a.Kind == "html");
        var text = await api.GetTextAsync($"api/snapshots/{snapshot.Id}/files/{Uri.EscapeDataString(html.FileName!)}");
        Assert.That(text, Does.Contain("Red foxes den in the sandy slopes"));
    }

    private static string? FirefoxExecutable() =>
        Environment.GetEnvironmentVariable("LINKSNAP_FIREFOX") is { Length: > 0 } exe ? exe
        : new[] { "/usr/lib/firefox-esr/firefox-esr", "/usr/lib/firefox/firefox" }.FirstOrDefault(File.Exists);
}
