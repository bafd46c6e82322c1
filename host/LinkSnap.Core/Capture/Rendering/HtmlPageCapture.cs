using System.Text;
using System.Text.Json;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture.Consent;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Core.Capture.Metadata;
using LinkSnap.Core.Capture.Quality;
using LinkSnap.Core.Capture.Readability;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Renders one HTML document in its own browser context and saves its artifacts. Failures of the
/// page (never settles, crashes, one artifact fails) are recorded on the recorder, not thrown.
/// </summary>
internal sealed class HtmlPageCapture(
    CaptureOptions options, TimeProvider time, DocumentFetcher fetcher, TargetGuard guard, CheckingProxy proxy, PrivateStaticResources privateStatic)
{
    private readonly PageSettler _settler = new(options, time);
    private readonly HtmlArtifacts _artifacts = new(options, fetcher, guard);
    private readonly QualityGuard _quality = new(time);
    private readonly ConsentDismisser _consent = new(time);
    private readonly WarmContexts _contexts = new(mode => new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
        UserAgent = fetcher.UserAgent,
        JavaScriptEnabled = mode == CaptureMode.Fresh,
        ServiceWorkers = ServiceWorkerPolicy.Block,
        AcceptDownloads = false,
        // Every request of the page leaves through the proxy, loopback included (Playwright adds
        // "<-loopback>" to the bypass list): it checks each host before connecting.
        Proxy = new Proxy { Server = proxy.Url },
    }, () => options.DismissConsent);

    internal QualityGuard Quality => _quality;

    /// <summary>Test hook run after settling, before the artifacts (e.g. to crash the tab).</summary>
    internal Func<IPage, Task>? BeforeArtifacts { get; set; }

    public async Task<(PageMetadata Metadata, string? Text)> RunAsync(
        IBrowser browser, HtmlSource source, ArtifactRecorder recorder, IProgress<CaptureStage>? progress, CancellationToken cancellationToken, CaptureArchive? archive = null)
    {
        const string CrashReason = "The browser tab crashed while capturing the page";
        var (context, page) = await recorder.TimeAsync("context", () => _contexts.TakeAsync(browser, source.Mode));
        try
        {
            page.Crash += (_, _) => recorder.Abort(CrashReason);

            // Before navigating: it keeps the fonts and images the page loads, which MHTML drops.
            var savedCopy = SavedCopyCapture.Attach(page);
            var absentImages = options.RunQualityGuard ? AbsentImages.Attach(page, proxy) : null;
            var asSeen = source.Mode == CaptureMode.AsSeen;
            var router = new PageRouter(source.Url, Encoding.UTF8.GetBytes(source.Html), source.Fetched?.Status ?? 200, followsNavigations: !asSeen);
            var network = new NetworkQuiet(page, time);
            var cdp = await context.NewCDPSessionAsync(page);
            var documents = new DocumentInterception(cdp, router, proxy, asSeen ? privateStatic : null);
            router.OnFreeze = documents.FreezeAsync;
            await documents.AttachAsync(page);
            var archiving = archive is null ? null : new NetworkArchiving(cdp, archive, source.Url);
            if (archiving is not null)
            {
                await archiving.AttachAsync(archive!.Limits);
            }

            progress?.Report(CaptureStage.Loading);
            var loadProblem = await recorder.TimeAsync("navigate", () => _settler.LoadAsync(page, source.Url));
            progress?.Report(CaptureStage.Settling);

            // Half of what is left of the job at most: a page that never settles still leaves time for its artifacts.
            var budget = recorder.Remaining / 2 < options.SettleTimeout ? recorder.Remaining / 2 : options.SettleTimeout;
            var settled = loadProblem is null && await recorder.TimeAsync("settle", () => _settler.SettleAsync(page, network, budget));

            // A consent banner is refused before anything else looks at the page: the guard's
            // prepare step and check then see the page without it (decision 072).
            var consent = asSeen || !options.DismissConsent ? null : await recorder.TimeAsync("consent", () => _consent.DismissAsync(page, recorder.StepTimeout(TimeSpan.FromSeconds(8))));

            // The page's own script still runs: site rules, scroll-triggered loaders and plain
            // "read more" toggles get their turn before the page stops (decision 053).
            var prepared = asSeen || !options.RunQualityGuard ? (null, Array.Empty<string>()) : await recorder.TimeAsync("guard-prepare", () => _quality.PrepareAsync(page, recorder.StepTimeout(TimeSpan.FromSeconds(5))));

            // Settled or not, the page stops here: a reload or a timer firing during the artifact
            // steps would destroy the document they read (and on a loaded machine it did).
            await recorder.TimeAsync("freeze", async () => { await PageSettler.FreezeAsync(page, router, cdp); return 0; });
            if (!settled)
            {
                await recorder.TimeAsync("unblock", async () => { await PageSettler.ShowFetchedIfBlankAsync(page, cdp, source.Html); return 0; });
                var setting = budget < options.SettleTimeout ? "Capture:JobTimeout" : "Capture:SettleTimeout";
                recorder.AddProblem(loadProblem is null
                    ? $"The page did not settle within {budget.TotalSeconds:0} s (setting {setting}); captured as it stood then"
                    : $"{loadProblem}; captured as it stood then");
            }

            if (BeforeArtifacts is not null)
            {
                await BeforeArtifacts(page);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (recorder.IsAborted)
            {
                return (new PageMetadata { FinalUrl = source.Url.AbsoluteUri }, null);
            }

            progress?.Report(CaptureStage.Saving);
            var saved = await SaveAsync(page, cdp, savedCopy, source, prepared, consent, absentImages, recorder, cancellationToken);
            if (archiving is not null)
            {
                // Bodies are read from the page's buffers: before the context closes.
                await recorder.TimeAsync("archive-bodies", async () => { await archiving.DrainAsync(recorder.StepTimeout(TimeSpan.FromSeconds(10))); return 0; });
            }

            return saved;
        }
        catch (PlaywrightException e) when (recorder.IsAborted || e.Message.Contains("crash", StringComparison.OrdinalIgnoreCase))
        {
            recorder.Abort(CrashReason);
            return (new PageMetadata { FinalUrl = source.Url.AbsoluteUri }, null);
        }
        finally
        {
            // Every artifact is written by now: the capture does not wait for Chromium to tear the context down.
            _ = WarmContexts.CloseQuietlyAsync(context);
            if (source.Mode == CaptureMode.Fresh)
            {
                _contexts.PrepareSpare(browser);
            }
        }
    }

    private async Task<(PageMetadata, string?)> SaveAsync(
        IPage page, ICDPSession cdp, SavedCopyCapture savedCopy, HtmlSource source, (string? SiteRule, IReadOnlyList<string> Expanded) prepared, ConsentDismissal? consent, AbsentImages? absentImages, ArtifactRecorder recorder, CancellationToken cancellationToken)
    {
        var facts = await ReadFactsAsync(page, recorder);

        // Before the screenshot scrolls or resizes anything: the flags describe the first screen as a person sees it.
        var fetched = source.Fetched;
        var flags = options.RunQualityGuard
            ? await recorder.TimeAsync("guard", () => _quality.CheckAsync(page, fetched?.Status, fetched?.ReasonPhrase, absentImages?.Urls ?? []))
            : [];

        // The favicon comes from the network, not from the page: it is fetched while the page works.
        var favicon = options.SaveFavicon
            ? _artifacts.SaveFaviconAsync(source.Url, facts.Icon, recorder, cancellationToken)
            : SkipFavicon();
        var (article, fromFetched) = options.SaveArticle ? await ReadArticleAsync(page, source, facts, recorder) : (null, false);

        // An article read from the fetched document comes with that document's metadata: the live
        // DOM of a page stuck on a script may not even have its <head> complete.
        var scan = await MetadataReader.ReadAsync(page, article, source.Url, fromFetched ? source.Html : null, time, recorder);

        // Readability has read the DOM before the saved copy marks it. The page steps run one after
        // the other (a screenshot or PDF beside another would see a resized or print layout), but the
        // saved copy's conversion needs only memory: it runs while the screenshot and PDF are made.
        var html = Task.CompletedTask;
        if (options.SaveHtml)
        {
            var pageDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            html = _artifacts.SaveHtmlAsync(page, cdp, savedCopy, source.Url, recorder, pageDone, cancellationToken);
            await Task.WhenAny(pageDone.Task, html);
        }
        else
        {
            recorder.Skip(ArtifactKinds.Html, "disabled by settings");
        }

        await Optional(options.SaveScreenshot, ArtifactKinds.Screenshot, () => _artifacts.SaveScreenshotAsync(page, cdp, recorder, cancellationToken));
        await Optional(options.SaveScreenshot, ArtifactKinds.Thumbnail, () => _artifacts.SaveThumbnailAsync(cdp, recorder, cancellationToken));
        await Optional(options.SavePdf, ArtifactKinds.Pdf, () => _artifacts.SavePdfAsync(page, recorder, cancellationToken));
        string? text = facts.Text;
        if (options.SaveArticle)
        {
            text = await _artifacts.SaveArticleAsync(article, CapturedMetadata.Heading(scan, article, facts), facts.Text, savedCopy, source.Url, recorder, cancellationToken);
        }
        else
        {
            recorder.Skip(ArtifactKinds.ArticleHtml, "disabled by setting Capture:SaveArticle");
            recorder.Skip(ArtifactKinds.ArticleText, "disabled by setting Capture:SaveArticle");
        }

        await html;
        var faviconUrl = await favicon;

        // An HTTP error or a bot check means the page itself was not saved: such a capture is partial, not done.
        var challenge = flags.FirstOrDefault(f => f.Kind == QualityKinds.BotCheck || (f.Kind == QualityKinds.ErrorPage && fetched?.IsHttpError == true));
        if (challenge is not null)
        {
            recorder.AddProblem(challenge.Reason, first: fetched?.IsHttpError == true);
        }

        var quality = new CaptureQuality { Flags = flags, Expanded = prepared.Expanded, SiteRule = prepared.SiteRule, Consent = consent };
        return (CapturedMetadata.Merge(scan, facts, article, faviconUrl, challenge is not null, quality), text);

        Task<string?> SkipFavicon()
        {
            recorder.Skip(ArtifactKinds.Favicon, "disabled by setting Capture:SaveFavicon");
            return Task.FromResult<string?>(null);
        }

        async Task Optional(bool enabled, string kind, Func<Task> produce)
        {
            if (enabled)
            {
                await produce();
            }
            else
            {
                recorder.Skip(kind, "disabled by settings");
            }
        }
    }

    private static async Task<PageFacts> ReadFactsAsync(IPage page, ArtifactRecorder recorder)
    {
        try
        {
            var json = await recorder.TimeAsync("metadata", () => page.EvaluateAsync<JsonElement>(PageScripts.Facts).WaitAsync(TimeSpan.FromSeconds(10)));
            return json.Deserialize<PageFacts>(PageFacts.Json) ?? new PageFacts();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or JsonException)
        {
            if (recorder.IsAborted)
            {
                return new PageFacts();
            }

            recorder.AddProblem($"Reading the page's metadata failed: {ArtifactRecorder.FirstLine(e.Message)}");
            return new PageFacts();
        }
    }

    /// <summary>
    /// The article of the DOM as it stands, else of the fetched document: a page whose parser waits on
    /// a script that never arrives (its load event never fires) has a DOM without its body, while the
    /// document it was sent holds the whole article.
    /// </summary>
    private async Task<(ArticleData? Article, bool FromFetched)> ReadArticleAsync(IPage page, HtmlSource source, PageFacts facts, ArtifactRecorder recorder)
    {
        foreach (var html in new[] { null, source.Html })
        {
            try
            {
                var article = await _artifacts.ReadArticleAsync(page, recorder, html);
                if (article is not null && IsSubstantial(article, facts))
                {
                    return (article, html is not null);
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                if (recorder.IsAborted)
                {
                    break;
                }

                recorder.AddProblem($"Readability failed{(html is null ? "" : " on the fetched document")}: {ArtifactRecorder.FirstLine(e.Message)}");
            }
        }

        return (null, false);
    }

    private static bool IsSubstantial(ArticleData article, PageFacts facts) =>
        ArticleFallback.IsSubstantial(article.TextContent, facts.TextLength);
}
