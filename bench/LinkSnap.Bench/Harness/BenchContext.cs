using Microsoft.Playwright;

namespace LinkSnap.Bench.Harness;

/// <summary>What every section shares: options, report, where things are, one browser for reference renders.</summary>
public sealed class BenchContext : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BenchContext(BenchOptions options, BenchReport report, string repositoryRoot, string? corpusRoot)
    {
        Options = options;
        Report = report;
        RepositoryRoot = repositoryRoot;
        CorpusRoot = corpusRoot;
        Directory.CreateDirectory(options.WorkDirectory);
    }

    public BenchOptions Options { get; }
    public BenchReport Report { get; }
    public BenchShared Shared { get; } = new();
    public string RepositoryRoot { get; }

    /// <summary>../shared/corpus (or LINKSNAP_CORPUS); null when absent: corpus sections then report n/a.</summary>
    public string? CorpusRoot { get; }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium";

    public string WorkPath(params string[] parts)
    {
        var path = Path.Combine([Options.WorkDirectory, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The bench's own Chromium (reference renders, reopening saved copies); LinkSnap runs its own.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-quic"],
        });
        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
