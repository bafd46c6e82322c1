using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// One daemon, one fixture site and one Chromium per fixture; each test gets a fresh tab in a
/// browser context that has signed in through the login link, as a person would.
/// </summary>
public abstract class LibraryPageTestBase
{
    protected TestDaemon Daemon { get; private set; } = null!;
    protected FixtureServer Site { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private readonly List<string> _consoleErrors = [];

    [OneTimeSetUp]
    public async Task StartLibraryAsync()
    {
        Site = await FixtureServer.StartAsync();
        MapSite(Site);
        Daemon = await TestDaemon.StartAsync(new TestDaemonOptions { Settings = DaemonSettings });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") ?? "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ["--disable-quic"],
        });
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ColorScheme = ColorScheme.Light,
            Locale = "en-US",
        });
        _context.SetDefaultTimeout(15000);
        var login = await _context.NewPageAsync();
        await login.GotoAsync(Daemon.Session.LoginUrl);
        Assert.That(login.Url, Is.EqualTo(Daemon.LibraryUri.ToString()), "the login link redirects to the library");
        await login.CloseAsync();
        await SeedAsync();
    }

    /// <summary>Extra configuration for the fixture's daemon ("Background:HostGap" = "00:00:00").</summary>
    protected virtual Dictionary<string, string> DaemonSettings => [];

    /// <summary>Pages the fixture site serves.</summary>
    protected virtual void MapSite(FixtureServer site)
    {
    }

    /// <summary>Data the fixture's tests share, created through the API before the first test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    [OneTimeTearDown]
    public async Task StopLibraryAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        await Daemon.DisposeAsync();
        await Site.DisposeAsync();
    }

    [SetUp]
    public async Task OpenTabAsync()
    {
        _consoleErrors.Clear();
        Page = await _context.NewPageAsync();
        await Page.SetViewportSizeAsync(1280, 860);
        Page.Console += (_, message) =>
        {
            // The page reports refused requests itself; only script errors and CSP violations count.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        Page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
    }

    [TearDown]
    public async Task CloseTabAsync()
    {
        await Page.CloseAsync();
        Assert.That(_consoleErrors, Is.Empty, "errors in the page's console");
    }

    /// <summary>
    /// Opens a library page and waits until its script has drawn the view: the page's modules wait
    /// for the message file (top-level await), which can end after the load event, and a key pressed
    /// before that would find no listener.
    /// </summary>
    protected async Task GotoAsync(string pathAndQuery)
    {
        await Page.GotoAsync(new Uri(Daemon.LibraryUri, pathAndQuery).ToString());
        await Page.WaitForFunctionAsync("() => document.body.dataset.view");
    }

    /// <summary>Saves a screenshot at desktop and at phone width as test attachments.</summary>
    protected async Task ScreenshotsAsync(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (label, width, height) in new[] { ("desktop", 1280, 860), ("phone", 390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            var path = Path.Combine(folder, $"{GetType().Name}-{name}-{label}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
            TestContext.AddTestAttachment(path, $"{name} at {label} width");
        }

        await Page.SetViewportSizeAsync(1280, 860);
    }

    /// <summary>Calls the API over the socket, as the CLI does (used to check what the page did).</summary>
    protected async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = Daemon.CreateSocketClient();
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    protected async Task<int> GetStatusAsync(string path)
    {
        using var client = Daemon.CreateSocketClient();
        using var response = await client.GetAsync(path);
        return (int)response.StatusCode;
    }

    /// <summary>Takes the console errors that match (those a test expects, e.g. the browser's CSP refusals) out of the teardown's check.</summary>
    protected IReadOnlyList<string> TakeConsoleErrors(Func<string, bool> expected)
    {
        lock (_consoleErrors)
        {
            var taken = _consoleErrors.Where(expected).ToList();
            _consoleErrors.RemoveAll(e => expected(e));
            return taken;
        }
    }

        protected ILocator Card(string titleText) => Page.Locator(".card").Filter(new LocatorFilterOptions { HasText = titleText });
}
