using System.Collections;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Install;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Tests.Relay;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The whole chain, real everywhere: headless Chromium with the unpacked extension, the AOT relay
/// registered in the test profile's NativeMessagingHosts (by the real installer code), and the real
/// daemon in-process on a temp data directory, capturing pages from a FixtureServer.
/// </summary>
public sealed class ExtensionHarness : IAsyncDisposable
{
    public const string ExtensionId = NativeHostManifest.ChromiumExtensionId;

    private readonly TempDirectory _temp = new();
    private IPlaywright? _playwright;
    private TestDaemon? _daemon;

    public IBrowserContext Browser { get; private set; } = null!;

    public FixtureServer Server { get; private set; } = null!;

    public SocketApi Api { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_temp.Path, "data");

    public static async Task<ExtensionHarness> StartAsync()
    {
        var harness = new ExtensionHarness();
        await harness.InitAsync();
        return harness;
    }

    public string ExtensionUrl(string path) => $"chrome-extension://{ExtensionId}/{path}";

    public async Task StartDaemonAsync() => _daemon = await TestDaemon.StartAsync(DaemonOptions(DataDirectory));

    /// <summary>The test daemon, in-process, on a data directory that outlives it (stopped and started again by tests).</summary>
    public static TestDaemonOptions DaemonOptions(string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        Settings = { ["Capture:SettleTimeout"] = "00:00:08" },
    };

    public async Task StopDaemonAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
            _daemon = null;
        }
    }

    /// <summary>What `linksnap stop` leaves behind (decision 068), for a daemon stopped in-process where the real command cannot signal it.</summary>
    public void MarkStoppedOnPurpose() => File.WriteAllText(new LinkSnap.Shared.LinkSnapPaths(DataDirectory).StoppedMarkerPath, "stopped by a test\n");

    /// <summary>`linksnap` for the relay to start: the built linksnap.dll on the test's own dotnet.</summary>
    private string WriteLinkSnapWrapper()
    {
        var wrapper = Path.Combine(_temp.Path, "linksnap");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec \"{LinkSnapCli.Dotnet}\" \"{LinkSnapCli.DllPath}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return wrapper;
    }

    /// <summary>The browser's tab id of the page showing url (asked from an extension page).</summary>
    public async Task<int> TabIdAsync(IPage extensionPage, string url)
    {
        var tabs = await extensionPage.EvaluateAsync<JsonElement>("async () => (await chrome.tabs.query({})).map(t => ({ id: t.id, url: t.url }))");
        foreach (var tab in tabs.EnumerateArray())
        {
            if (tab.GetProperty("url").GetString() == url)
            {
                return tab.GetProperty("id").GetInt32();
            }
        }

        throw new AssertionException($"no tab shows {url}: {tabs}");
    }

    /// <summary>Opens the toolbar popup for a tab, as a page (headless Chromium has no toolbar to click).</summary>
    public async Task<IPage> OpenPopupAsync(IPage tabPage)
    {
        var helper = await Browser.NewPageAsync();
        await helper.GotoAsync(ExtensionUrl("popup/popup.html"));
        var tabId = await TabIdAsync(helper, tabPage.Url);
        await helper.GotoAsync(ExtensionUrl($"popup/popup.html?tab={tabId}"));
        return helper;
    }

    /// <summary>Polls until the daemon has the URL saved with a finished snapshot (bounded).</summary>
    public Task<(LinkDto Link, SnapshotDto Snapshot)> WaitForSavedAsync(string url, TimeSpan? limit = null) =>
        Api.WaitForSavedAsync(url, limit);

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await StopDaemonAsync();
        Api?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _temp.Dispose();
    }

    private async Task InitAsync()
    {
        var relay = await RelayBinary.GetAsync();
        Server = await FixtureServer.StartAsync();
        await StartDaemonAsync();
        Api = new SocketApi(Path.Combine(DataDirectory, "daemon.sock"));

        var profile = Path.Combine(_temp.Path, "profile");
        var installer = new NativeHostInstaller(_temp.Path, DataDirectory);
        installer.Install(new InstallOptions(["chromium"], [], relay, profile), relay);

        var env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        env["LINKSNAP_HOME"] = DataDirectory;
        env["LINKSNAP_RELAY_NO_START"] = "1"; // the daemon runs in this process; "stopped" must stay stopped
        // …except when the popup's "Start LinkSnap" asks (the start message): then the relay starts the real
        // `linksnap serve` in its own process, on this data directory, a free port, loopback pages allowed.
        env["LINKSNAP_EXE"] = WriteLinkSnapWrapper();
        env["LINKSNAP_RELAY_START_TIMEOUT_MS"] = "90000";
        env["LINKSNAP_Daemon__Port"] = "0";
        env["LINKSNAP_Capture__AllowPrivateTargets"] = "true";
        env["LINKSNAP_Capture__SettleTimeout"] = "00:00:08";
        env["LINKSNAP_Logging__LogLevel__Default"] = "Warning";

        var extension = Path.Combine(Corpus.RepositoryRoot, "extension");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") is { Length: > 0 } exe ? exe : "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ["--disable-quic", $"--disable-extensions-except={extension}", $"--load-extension={extension}"],
            Env = env,
        });
    }
}
