using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Shared;
using LinkSnap.Testing.Daemon;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// LinkSnap stopped on purpose (`linksnap stop`, decision 068): the popup says so instead of the relay starting
/// it again, and its Start button has the relay start the real `linksnap serve`; saving then works. With the
/// option "start automatically" ticked, the popup starts it without asking.
/// </summary>
public sealed partial class ExtensionEndToEndTests
{
    [Test]
    [Platform("Linux")]
    public async Task After_linksnap_stop_the_popup_says_stopped_and_its_Start_button_starts_LinkSnap()
    {
        _harness.Server.MapHtml("/after-start", Page("Saved after starting LinkSnap", "<p>The daemon was started from the popup.</p>"));
        var paths = new LinkSnapPaths(_harness.DataDirectory);
        var tab = await OpenAsync("/after-start");
        await _harness.StopDaemonAsync();
        _harness.MarkStoppedOnPurpose(); // `linksnap stop` cannot signal a daemon that runs inside the test process
        try
        {
            var popup = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(popup.Locator("#stopped-text")).ToHaveTextAsync(
                "LinkSnap is stopped. Pages you save now are kept and sent once it runs again.", new() { Timeout = 30_000 });
            await Assertions.Expect(popup.Locator("#host-problem")).ToBeHiddenAsync();

            // Start: the relay runs `linksnap serve` in its own process; the popup starts over, connected.
            await popup.Locator("#start-linksnap").ClickAsync();
            await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-lookup", "new", new() { Timeout = 120_000 });
            await Assertions.Expect(popup.Locator("#stopped")).ToBeHiddenAsync();
            Assert.That(File.Exists(paths.StoppedMarkerPath), Is.False, "the started daemon removed the marker");
            await popup.Locator("#tags").FillAsync("restarted");
            await popup.Locator("#save").ClickAsync();
            await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 90_000 });
            var (link, _) = await _harness.WaitForSavedAsync(Url("/after-start"));
            Assert.That(link.Tags, Is.EqualTo(new[] { "restarted" }));
            await popup.CloseAsync();

            // The real `linksnap stop` on that daemon: the next popup says stopped again, nothing restarted it.
            var stop = await LinkSnapCli.RunAsync(_harness.DataDirectory, "stop");
            Assert.That(stop.ExitCode, Is.EqualTo(0), stop.Output + stop.Error);
            Assert.That(File.Exists(paths.StoppedMarkerPath), Is.True, "`linksnap stop` leaves the marker");
            var again = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(again.Locator("body")).ToHaveAttributeAsync("data-host", "stopped", new() { Timeout = 30_000 });
            await again.CloseAsync();

            // The option "start automatically" (off by default): once ticked, the next popup starts LinkSnap itself.
            var options = await _harness.Browser.NewPageAsync();
            await options.GotoAsync(_harness.ExtensionUrl("options/options.html"));
            await options.Locator("#auto-start").CheckAsync();
            await options.Locator("#defaults button[type=submit]").ClickAsync();
            await Assertions.Expect(options.Locator("#saved")).Not.ToBeEmptyAsync();
            Assert.That(await options.EvaluateAsync<bool>("() => chrome.storage.local.get('settings').then(s => s.settings.autoStart === true)"), Is.True);
            await options.CloseAsync();
            var started = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(started.Locator("body")).ToHaveAttributeAsync("data-lookup", "saved", new() { Timeout = 120_000 });
            Assert.That(File.Exists(paths.StoppedMarkerPath), Is.False, "the popup started LinkSnap by itself, which removed the marker");
            await started.CloseAsync();
        }
        finally
        {
            KillStartedDaemon(paths);
            await _harness.StartDaemonAsync();
            await tab.CloseAsync();
        }
    }

    /// <summary>A daemon the relay started and the test did not stop (a failure midway) must not outlive the test.</summary>
    private static void KillStartedDaemon(LinkSnapPaths paths)
    {
        if (!File.Exists(paths.DaemonInfoPath))
        {
            return;
        }

        var pid = JsonDocument.Parse(File.ReadAllText(paths.DaemonInfoPath)).RootElement.GetProperty("pid").GetInt32();
        if (pid == Environment.ProcessId)
        {
            return;
        }

        try
        {
            using var daemon = Process.GetProcessById(pid);
            daemon.Kill(entireProcessTree: true);
            daemon.WaitForExit(30_000);
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }
}
