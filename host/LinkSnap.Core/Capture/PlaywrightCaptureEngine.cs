using System.Security.Cryptography;
using System.Text;
using LinkSnap.Core.Capture.Browser;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Capture.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture;

/// <summary>
/// Captures pages with one warm system Chromium (Playwright): the main document is fetched here
/// (redirects, charset, size limit, refused targets), then rendered from those bytes in a new
/// browser context per capture. Safe for concurrent calls; the caller bounds the concurrency.
/// </summary>
public sealed class PlaywrightCaptureEngine : ICaptureEngine, IAsyncDisposable
{
    private readonly CaptureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BrowserHost _browsers;
    private readonly DocumentFetcher _fetcher;
    private readonly HtmlPageCapture _html;
    private readonly OriginalSaver _originals;
    private readonly CheckingProxy _proxy;
    private readonly DocumentFetcher _privateFetcher;

    public PlaywrightCaptureEngine(IOptions<CaptureOptions> options, TimeProvider time, ILogger<PlaywrightCaptureEngine> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var guard = new TargetGuard(_options.AllowPrivateTargets, _options.RequestFilterForTests, _options.AllowedPrivateHosts);
        _browsers = new BrowserHost(_options, time, logger);
        _fetcher = new DocumentFetcher(_options, guard) { Time = time };
        _proxy = new CheckingProxy(guard);
        // An as-seen page was already loaded by the user's browser, private hosts included (an
        // intranet page): its images, style sheets and fonts are not refused for their address.
        var privateGuard = new TargetGuard(allowPrivateTargets: true, _options.RequestFilterForTests);
        _privateFetcher = new DocumentFetcher(_options, privateGuard);
        _html = new HtmlPageCapture(_options, time, _fetcher, guard, _proxy, new PrivateStaticResources(guard, privateGuard, _privateFetcher));
        _originals = new OriginalSaver(_options, _browsers);
    }

    internal BrowserHost Browsers => _browsers;

    internal HtmlPageCapture HtmlCapture => _html;

    internal CheckingProxy Proxy => _proxy;

    public async Task<CaptureResult> CaptureAsync(CaptureRequest request, string outputDirectory, IProgress<CaptureStage>? progress, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var recorder = new ArtifactRecorder(outputDirectory, _time, _options.ArtifactTimeout, start, _options.JobTimeout);
        // The one whole-job limit (Capture:JobTimeout), on the injected clock like the recorder's deadline.
        using var timeLimit = new CancellationTokenSource(_options.JobTimeout, _time);
        using var job = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        try
        {
            TargetGuard.EnsureHttpScheme(request.Url);
            progress?.Report(CaptureStage.Loading);
            if (request.Mode == CaptureMode.AsSeen)
            {
                if (string.IsNullOrEmpty(request.Html))
                {
                    throw new CaptureFailureException("An as-seen capture needs the page's HTML from the browser tab, and none was sent.");
                }

                var bytes = Encoding.UTF8.GetBytes(request.Html);
                // The tab's DOM is text now, served as UTF-8: a meta charset left over from the original bytes would contradict it.
                var html = AsSeenDocument.Disarm(HtmlDecoder.DeclareUtf8(request.Html));
                var page = await RenderAsync(new HtmlSource(request.Url, html, CaptureMode.AsSeen, null), recorder, progress, cancellationToken);
                return Finish(recorder, page.Metadata with
                {
                    FinalUrl = request.Url.AbsoluteUri,
                    ContentType = "text/html; charset=utf-8",
                    PageKind = ContentKinds.Html,
                    ContentBytes = bytes.LongLength,
                    ContentHash = Hash(bytes),
                }, page.Text, start);
            }

            using var wacz = _options.SaveWacz ? WaczCapture.Start(_options, outputDirectory, _time) : null;
            var fetched = await recorder.TimeAsync("fetch", () => _fetcher.FetchAsync(request.Url, wacz is null ? null : wacz.Archive.Record, job.Token));
            var kind = ContentKinds.Classify(fetched.MediaType, fetched.Body);
            (PageMetadata Metadata, string? Text) result;
            if (kind == ContentKinds.Html)
            {
                var decoded = HtmlDecoder.Decode(fetched.Body, fetched.Charset, isHtml: true);
                var source = new HtmlSource(fetched.FinalUrl, HtmlDecoder.DeclareUtf8(decoded.Text), CaptureMode.Fresh, fetched);
                result = await RenderAsync(source, recorder, progress, cancellationToken, wacz?.Archive);
            }
            else
            {
                progress?.Report(CaptureStage.Saving);
                result = await _originals.SaveAsync(fetched, kind, recorder, cancellationToken);
            }

            var metadata = result.Metadata with
            {
                FinalUrl = fetched.FinalUrl.AbsoluteUri,
                Redirects = fetched.Redirects,
                HttpStatus = fetched.Status,
                ContentType = fetched.ContentType,
                PageKind = kind,
                ContentBytes = fetched.Body.LongLength,
                ContentHash = Hash(fetched.Body),
            };
            if (wacz is null)
            {
                recorder.Skip(ArtifactKinds.Wacz, "disabled by setting Capture:SaveWacz");
            }
            else if (!recorder.IsAborted)
            {
                await SaveWaczAsync(wacz, recorder, metadata, result.Text, cancellationToken);
            }

            return Finish(recorder, metadata, result.Text, start);
        }
        catch (CaptureFailureException e)
        {
            return Failed(recorder, e.Message, start, request.Url);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(recorder, $"The capture took longer than {_options.JobTimeout.TotalSeconds:0} s (setting Capture:JobTimeout).", start, request.Url);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _logger.LogWarning(e, "Browser failure while capturing {Url}", request.Url);
            return Failed(recorder, $"The browser failed: {ArtifactRecorder.FirstLine(e.Message)}", start, request.Url);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must not lose the job: it ends as failed with a reason, and the log has the details.
            _logger.LogError(e, "Unexpected error while capturing {Url}", request.Url);
            return Failed(recorder, $"Internal error while capturing: {ArtifactRecorder.FirstLine(e.Message)}", start, request.Url);
        }
    }

    private async Task<(PageMetadata Metadata, string? Text)> RenderAsync(
        HtmlSource source, ArtifactRecorder recorder, IProgress<CaptureStage>? progress, CancellationToken cancellationToken, Archive.CaptureArchive? archive = null)
    {
        using var lease = await recorder.TimeAsync("browser", () => _browsers.AcquireAsync(cancellationToken));
        return await _html.RunAsync(lease.Browser, source, recorder, progress, cancellationToken, archive);
    }

    private async Task SaveWaczAsync(WaczCapture wacz, ArtifactRecorder recorder, PageMetadata metadata, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.TimeAsync("wacz", async () => { await wacz.FinishAsync(recorder, metadata, text, cancellationToken); return 0; });
        }
        catch (IOException e)
        {
            recorder.Fail(ArtifactKinds.Wacz, ArtifactRecorder.FirstLine(e.Message));
        }
    }

    private CaptureResult Finish(ArtifactRecorder recorder, PageMetadata metadata, string? text, long start)
    {
        recorder.SetTiming("total", _time.GetElapsedTime(start));
        var saved = recorder.Artifacts.Count(a => a.Status == ArtifactStatus.Ok);
        var problems = recorder.Problems.Distinct().ToList();
        var outcome = saved == 0 ? CaptureOutcome.Failed : problems.Count > 0 ? CaptureOutcome.Partial : CaptureOutcome.Done;
        var reason = problems.Count > 0 ? string.Join("; ", problems) : saved == 0 ? "Nothing could be saved." : null;
        return new CaptureResult
        {
            Outcome = outcome,
            Reason = reason,
            Metadata = metadata,
            Artifacts = [.. recorder.Artifacts],
            ArticleText = string.IsNullOrWhiteSpace(text) ? null : text,
            TimingsMs = new Dictionary<string, double>(recorder.Timings),
        };
    }

    private CaptureResult Failed(ArtifactRecorder recorder, string reason, long start, Uri url)
    {
        recorder.SetTiming("total", _time.GetElapsedTime(start));
        return new CaptureResult
        {
            Outcome = CaptureOutcome.Failed,
            Reason = reason,
            Metadata = new PageMetadata { FinalUrl = url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString },
            Artifacts = [.. recorder.Artifacts],
            TimingsMs = new Dictionary<string, double>(recorder.Timings),
        };
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async ValueTask DisposeAsync()
    {
        await _browsers.DisposeAsync();
        _fetcher.Dispose();
        _privateFetcher.Dispose();
        _proxy.Dispose();
    }
}
