using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// One fixture server, one capture engine (real Chromium) and one separate "viewer" browser per
/// fixture: the viewer opens saved artifacts the way a person would, with the network cut off.
/// </summary>
public abstract class CaptureTestBase
{
    protected FixtureServer Server { get; private set; } = null!;
    protected PlaywrightCaptureEngine Engine { get; private set; } = null!;
    protected TempDirectory Temp { get; private set; } = null!;
    private IPlaywright? _playwright;
    private IBrowser? _viewer;

    protected virtual void Configure(CaptureOptions options)
    {
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Server = await FixtureServer.StartAsync();
        Temp = new TempDirectory();
        Engine = CreateEngine(Configure);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Engine.DisposeAsync();
        if (_viewer is not null)
        {
            await _viewer.CloseAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
        Temp.Dispose();
    }

    internal static PlaywrightCaptureEngine CreateEngine(Action<CaptureOptions>? configure = null)
    {
        var options = new CaptureOptions
        {
            AllowPrivateTargets = true,
            SettleTimeout = TimeSpan.FromSeconds(8),
            NavigationTimeout = TimeSpan.FromSeconds(15),
            ArtifactTimeout = TimeSpan.FromSeconds(20),

            // Tests never reach the internet: corpus pages still reference their original hosts.
            RequestFilterForTests = url => url.Scheme is not ("http" or "https") || url.IsLoopback,
        };
        configure?.Invoke(options);
        return new PlaywrightCaptureEngine(Options.Create(options), TimeProvider.System, NullLogger<PlaywrightCaptureEngine>.Instance);
    }

    protected async Task<Captured> CaptureAsync(
        Uri url, CaptureMode mode = CaptureMode.Fresh, string? html = null, PlaywrightCaptureEngine? engine = null, IProgress<CaptureStage>? progress = null)
    {
        var dir = Path.Combine(Temp.Path, Guid.NewGuid().ToString("N")[..8]);
        var result = await (engine ?? Engine).CaptureAsync(new CaptureRequest { Url = url, Mode = mode, Html = html }, dir, progress, CancellationToken.None);
        TestContext.Out.WriteLine($"{url}: {result.Outcome} {result.Reason} [{string.Join(", ", result.Artifacts.Select(a => $"{a.Kind}={a.Status}{(a.Error is null ? "" : ":" + a.Error)}"))}]");
        return new Captured(result, dir);
    }

    /// <summary>The viewer browser: never the engine's, so a test sees only what was saved.</summary>
    protected async Task<IBrowser> ViewerAsync()
    {
        if (_viewer is null)
        {
            _playwright = await Playwright.CreateAsync();
            _viewer = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") ?? "/usr/lib/chromium/chromium",
                Headless = true,
                Args = ["--disable-quic"],
            });
        }

        return _viewer;
    }

    /// <summary>Opens a saved HTML file at an unrelated origin with every request blocked and counted.</summary>
    protected async Task<OfflineView> OpenOfflineAsync(string htmlPath)
    {
        var context = await (await ViewerAsync()).NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
        var view = new OfflineView(context);
        var bytes = await File.ReadAllBytesAsync(htmlPath);
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == OfflineView.Address)
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", BodyBytes = bytes });
                return;
            }

            view.Attempted.Add(route.Request.Url);
            await route.AbortAsync();
        });
        view.Page = await context.NewPageAsync();
        await view.Page.GotoAsync(OfflineView.Address, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return view;
    }

    /// <summary>Counts pixels of a PNG close to a colour, decoded by the viewer browser.</summary>
    protected async Task<int> CountPixelsAsync(byte[] png, int r, int g, int b)
    {
        var context = await (await ViewerAsync()).NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            return await page.EvaluateAsync<int>("""
                async ([data, r, g, b]) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
                  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
                  const ctx = canvas.getContext('2d');
                  ctx.drawImage(bitmap, 0, 0);
                  const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
                  let n = 0;
                  for (let i = 0; i < px.length; i += 4) {
                    if (Math.abs(px[i] - r) < 30 && Math.abs(px[i + 1] - g) < 30 && Math.abs(px[i + 2] - b) < 30) n++;
                  }
                  return n;
                }
                """, new object[] { Convert.ToBase64String(png), r, g, b });
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
