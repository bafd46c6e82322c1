using System.Net;
using System.Text;
using System.Text.Json;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Capture.Inlining;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>Produces the artifacts of a rendered HTML page, each through the <see cref="ArtifactRecorder"/>.</summary>
internal sealed class HtmlArtifacts(CaptureOptions options, DocumentFetcher fetcher, TargetGuard guard)
{
    /// <summary>
    /// The MHTML snapshot plus what it drops (web fonts, SVG images), made into one offline document.
    /// <paramref name="pageDone"/> completes once the page is no longer needed, before the
    /// conversion (CPU work off the page), so that the caller can go on with the page meanwhile.
    /// </summary>
    public Task SaveHtmlAsync(IPage page, ICDPSession cdp, SavedCopyCapture savedCopy, Uri pageUrl, ArtifactRecorder recorder, TaskCompletionSource pageDone, CancellationToken cancellationToken) =>
        recorder.ProduceAsync(ArtifactKinds.Html, ArtifactFiles.Html, "text/html; charset=utf-8", async () =>
        {
            try
            {
                var convert = await savedCopy.SnapshotAsync(page, cdp, pageUrl, new InliningOptions(), cancellationToken);
                pageDone.TrySetResult();
                var result = await Task.Run(convert, cancellationToken);
                return Encoding.UTF8.GetBytes(result.Html);
            }
            finally
            {
                pageDone.TrySetResult();
            }
        }, cancellationToken);

    /// <summary>
    /// The whole page (cut at Capture:ScreenshotMaxHeight) straight through CDP: with Chromium's
    /// fast PNG encoding (about half the time of the default, ~20% larger files) and without
    /// Playwright's screenshot preparation, which a settled page does not need.
    /// </summary>
    public Task SaveScreenshotAsync(IPage page, ICDPSession cdp, ArtifactRecorder recorder, CancellationToken cancellationToken) =>
        recorder.ProduceAsync(ArtifactKinds.Screenshot, ArtifactFiles.Screenshot, "image/png", async () =>
        {
            var size = await page.EvaluateAsync<int[]>(PageScripts.PageSize);
            var width = Math.Max(options.ViewportWidth, size[0]);
            var height = Math.Clamp(size[1], 1, options.ScreenshotMaxHeight);
            if (size[1] > options.ScreenshotMaxHeight)
            {
                width = options.ViewportWidth;
            }

            var shot = await cdp.SendAsync("Page.captureScreenshot", new()
            {
                ["format"] = "png",
                ["optimizeForSpeed"] = true,
                ["captureBeyondViewport"] = true,
                ["clip"] = new Dictionary<string, object> { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
            });
            return Convert.FromBase64String(shot!.Value.GetProperty("data").GetString()!);
        }, cancellationToken);

    /// <summary>The top of the page, downscaled by Chromium itself (CDP clip scale): no imaging library needed.</summary>
    public Task SaveThumbnailAsync(ICDPSession cdp, ArtifactRecorder recorder, CancellationToken cancellationToken) =>
        recorder.ProduceAsync(ArtifactKinds.Thumbnail, ArtifactFiles.Thumbnail, "image/webp", async () =>
        {
            var shot = await cdp.SendAsync("Page.captureScreenshot", new()
            {
                ["format"] = "webp",
                ["quality"] = 80,
                ["clip"] = new Dictionary<string, object>
                {
                    ["x"] = 0, ["y"] = 0, ["width"] = options.ViewportWidth, ["height"] = options.ViewportHeight,
                    ["scale"] = (double)options.ThumbnailWidth / options.ViewportWidth,
                },
            });
            return Convert.FromBase64String(shot!.Value.GetProperty("data").GetString()!);
        }, cancellationToken);

    public Task SavePdfAsync(IPage page, ArtifactRecorder recorder, CancellationToken cancellationToken) =>
        recorder.ProduceAsync(ArtifactKinds.Pdf, ArtifactFiles.Pdf, "application/pdf",
            async () => await page.PdfAsync(new PagePdfOptions { PrintBackground = true, Format = "A4" }), cancellationToken);

    /// <summary>The article of the live DOM, or with <paramref name="html"/> of that document (parsed in the page, not rendered).</summary>
    public async Task<ArticleData?> ReadArticleAsync(IPage page, ArtifactRecorder recorder, string? html = null)
    {
        var timeout = recorder.StepTimeout(options.ArtifactTimeout);
        if (timeout == TimeSpan.Zero)
        {
            return null;
        }

        var result = await recorder.TimeAsync(html is null ? "readability" : "readability-fetched", () => page.EvaluateAsync<JsonElement?>(Readability.ReadabilityScript.Source, html).WaitAsync(timeout));
        return result is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<ArticleData>(PageFacts.Json) : null;
    }

    /// <summary>
    /// Writes the reader view and the article text; without an article the page's own text is kept for search.
    /// The reader view goes through the saved copy's converter: opened from disk it must be as inert as page.html.
    /// </summary>
    public async Task<string> SaveArticleAsync(ArticleData? article, ReaderHeading heading, string fallbackText, SavedCopyCapture savedCopy, Uri pageUrl, ArtifactRecorder recorder, CancellationToken cancellationToken)
    {
        var text = Normalize(article?.TextContent) is { Length: > 0 } articleText ? articleText : Normalize(fallbackText);
        if (article?.Content is { } content)
        {
            await recorder.ProduceAsync(ArtifactKinds.ArticleHtml, ArtifactFiles.ArticleHtml, "text/html; charset=utf-8",
                async () => Encoding.UTF8.GetBytes(await Task.Run(() => savedCopy.ConvertDerived(ReaderDocument.Build(heading, content), pageUrl), cancellationToken)), cancellationToken);
        }
        else
        {
            recorder.Skip(ArtifactKinds.ArticleHtml, "Readability found no article on this page");
        }

        if (text.Length == 0)
        {
            recorder.Skip(ArtifactKinds.ArticleText, "the page has no text");
            return text;
        }

        await recorder.ProduceAsync(ArtifactKinds.ArticleText, ArtifactFiles.ArticleText, "text/plain; charset=utf-8",
            () => Task.FromResult<byte[]?>(Encoding.UTF8.GetBytes(text)), cancellationToken);
        return text;
    }

    /// <summary>Best effort: a site without an icon is normal, so a missing favicon is "skipped", not a failure.</summary>
    public async Task<string?> SaveFaviconAsync(Uri pageUrl, string? declared, ArtifactRecorder recorder, CancellationToken cancellationToken)
    {
        var iconUrl = declared is not null && Uri.TryCreate(pageUrl, declared, out var u) ? u : new Uri(pageUrl, "/favicon.ico");
        try
        {
            byte[] bytes;
            string? mediaType;
            if (iconUrl.Scheme == "data")
            {
                (bytes, mediaType) = DecodeDataUrl(iconUrl.OriginalString);
            }
            else if (!guard.PassesFilter(iconUrl))
            {
                recorder.Skip(ArtifactKinds.Favicon, $"{iconUrl} is blocked");
                return iconUrl.AbsoluteUri;
            }
            else
            {
                var timeout = recorder.StepTimeout(options.ArtifactTimeout);
                if (timeout == TimeSpan.Zero)
                {
                    recorder.Skip(ArtifactKinds.Favicon, "not fetched: the whole-capture time limit was reached");
                    return iconUrl.AbsoluteUri;
                }

                var fetched = await fetcher.FetchAsync(iconUrl, cancellationToken).WaitAsync(timeout, cancellationToken);
                if (fetched.IsHttpError || fetched.Body.Length == 0)
                {
                    recorder.Skip(ArtifactKinds.Favicon, $"no favicon at {iconUrl} (HTTP {fetched.Status})");
                    return iconUrl.AbsoluteUri;
                }

                (bytes, mediaType) = (fetched.Body, fetched.MediaType);
            }

            mediaType = ContentKinds.Classify(mediaType, bytes) == ContentKinds.Image ? mediaType ?? ContentKinds.Sniff(bytes) : ContentKinds.Sniff(bytes);
            if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.Ordinal))
            {
                recorder.Skip(ArtifactKinds.Favicon, $"{iconUrl} is not an image");
                return iconUrl.AbsoluteUri;
            }

            var fileName = $"{ArtifactFiles.FaviconBase}.{ContentKinds.ExtensionFor(mediaType, iconUrl.AbsolutePath)}";
            await recorder.ProduceAsync(ArtifactKinds.Favicon, fileName, mediaType, () => Task.FromResult<byte[]?>(bytes), cancellationToken);
        }
        catch (Exception e) when (e is CaptureFailureException or TimeoutException or FormatException)
        {
            recorder.Skip(ArtifactKinds.Favicon, $"favicon not saved: {e.Message}");
        }

        return iconUrl.Scheme == "data" ? null : iconUrl.AbsoluteUri;
    }

    private static (byte[] Bytes, string? MediaType) DecodeDataUrl(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var header = url[5..comma];
        var payload = url[(comma + 1)..];
        var mediaType = header.Split(';')[0];
        var bytes = header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(Uri.UnescapeDataString(payload))
            : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
        return (bytes, mediaType.Length > 0 ? mediaType : null);
    }

    /// <summary>Trimmed lines, at most one blank line in a row (article.txt, search text; imported articles too).</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());
        var sb = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString().Trim();
    }
}
