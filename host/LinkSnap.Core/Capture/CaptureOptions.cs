using System.ComponentModel.DataAnnotations;

namespace LinkSnap.Core.Capture;

/// <summary>
/// Settings of the capture engine, bound from the configuration section "Capture"
/// (see docs/configuration.md). Every wait of a capture is bounded by one of these.
/// </summary>
public sealed class CaptureOptions
{
    public const string SectionName = "Capture";

    /// <summary>Chromium binary; null means LINKSNAP_CHROMIUM, else /usr/lib/chromium/chromium.</summary>
    public string? BrowserExecutablePath { get; set; }

    /// <summary>The warm browser is closed after this long without a capture, and relaunched on demand.</summary>
    public TimeSpan BrowserIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Chromium and its Playwright driver run this many nice steps below the daemon's CPU priority
    /// (Linux; 0 = the daemon's), so captures never slow what the person does in the library (decision 081).
    /// </summary>
    [Range(0, 19)]
    public int BrowserNiceness { get; set; } = 10;

    /// <summary>Fetching the main document (each hop of a redirect chain) and loading it in the page.</summary>
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Waiting for lazy images and an idle network after load; past it the page is captured as it stands.</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Each artifact (HTML copy, screenshot, PDF, article, ...) must be produced within this.</summary>
    public TimeSpan ArtifactTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The whole capture job, the one limit for it (decision 066): the engine stops at it and records the
    /// artifacts not produced by then as failed; the daemon's job runner only backs it up for an engine
    /// that overruns. Replaces the old Daemon:JobTimeout, which is still read with a warning.
    /// </summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Main documents (and non-HTML files) larger than this fail the capture.</summary>
    [Range(1, 4096)]
    public int MaxDocumentMegabytes { get; set; } = 50;

    [Range(0, 50)]
    public int MaxRedirects { get; set; } = 10;

    /// <summary>Fresh captures of loopback, private and link-local addresses are refused unless this is true.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// Host names or address literals exempt from the private-address refusal (e.g. a NAS at
    /// 192.168.1.5, or the bench's corpus server on 127.0.0.1); every other host is still checked.
    /// </summary>
    public string[] AllowedPrivateHosts { get; set; } = [];

    [Range(320, 7680)]
    public int ViewportWidth { get; set; } = 1280;

    [Range(240, 4320)]
    public int ViewportHeight { get; set; } = 800;

    /// <summary>Full-page screenshots are cut at this height (CSS pixels).</summary>
    [Range(500, 100_000)]
    public int ScreenshotMaxHeight { get; set; } = 16_000;

    [Range(64, 1600)]
    public int ThumbnailWidth { get; set; } = 400;

    public bool SaveHtml { get; set; } = true;
    public bool SaveScreenshot { get; set; } = true;
    public bool SavePdf { get; set; } = true;
    public bool SaveArticle { get; set; } = true;
    public bool SaveFavicon { get; set; } = true;

    /// <summary>
    /// Fresh captures refuse non-essential cookies on a consent banner autoconsent recognises, before
    /// the screenshot, PDF and copy (decision 072); as-seen captures keep what the user chose.
    /// </summary>
    public bool DismissConsent { get; set; } = true;

    /// <summary>Fresh captures also record every HTTP exchange as a web archive (archive.wacz).</summary>
    public bool SaveWacz { get; set; } = true;

    /// <summary>A capture's web archive stops storing responses past this size and is marked partial.</summary>
    [Range(1, 4096)]
    public int MaxArchiveMegabytes { get; set; } = 200;

    /// <summary>
    /// Tests only (not configuration): requests of the rendered page (and favicon fetches) whose URL
    /// this rejects are blocked, so corpus pages never reach the internet.
    /// </summary>
    internal Func<Uri, bool>? RequestFilterForTests { get; set; }

    /// <summary>
    /// Benchmark only (not configuration): false skips the quality guard's prepare step and check, so
    /// `scripts/bench --only quality` can time captures with and without it (decision 053).
    /// </summary>
    internal bool RunQualityGuard { get; set; } = true;

    internal long MaxDocumentBytes => MaxDocumentMegabytes * 1024L * 1024L;

    internal string ResolveExecutablePath()
    {
        if (!string.IsNullOrWhiteSpace(BrowserExecutablePath))
        {
            return BrowserExecutablePath;
        }

        var env = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM");
        return string.IsNullOrWhiteSpace(env) ? "/usr/lib/chromium/chromium" : env;
    }
}
