using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Records the responses a page loads that MHTML snapshots leave out (web fonts), so that the saved
/// copy can inline them: attach before navigating, collect after the page settled and before it is
/// closed, pass the result to <see cref="SelfContainedHtml.Convert(string, Uri, InliningOptions, IReadOnlyCollection{CapturedResource}?)"/>.
/// </summary>
public sealed class SubresourceRecorder
{
    private readonly ConcurrentQueue<IResponse> _responses = new();

    private SubresourceRecorder()
    {
    }

    /// <summary>Bytes kept at most; fonts past it are left out (the copy then falls back to other fonts).</summary>
    public long MaxTotalBytes { get; init; } = 20L * 1024 * 1024;

    public static SubresourceRecorder Attach(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var recorder = new SubresourceRecorder();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "font" && response.Status is >= 200 and < 300
                && response.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                recorder._responses.Enqueue(response);
            }
        };
        return recorder;
    }

    /// <summary>The recorded bodies; responses whose body is no longer available are skipped.</summary>
    public async Task<IReadOnlyList<CapturedResource>> CollectAsync(CancellationToken cancellationToken)
    {
        var resources = new List<CapturedResource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var response in _responses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(response.Url) || !Uri.TryCreate(response.Url, UriKind.Absolute, out var url))
            {
                continue;
            }

            byte[] body;
            try
            {
                body = await response.BodyAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                continue;
            }

            if (total + body.Length > MaxTotalBytes)
            {
                continue;
            }

            total += body.Length;
            var type = response.Headers.TryGetValue("content-type", out var contentType) ? contentType : "application/octet-stream";
            resources.Add(new CapturedResource(url, FontType(type, url), body));
        }

        return resources;
    }

    // Servers often send fonts as application/octet-stream; a typed data: URI is what browsers expect.
    private static string FontType(string contentType, Uri url)
    {
        if (contentType.StartsWith("font/", StringComparison.OrdinalIgnoreCase))
        {
            return contentType;
        }

        return Path.GetExtension(url.AbsolutePath).ToLowerInvariant() switch
        {
            ".woff2" => "font/woff2",
            ".woff" => "font/woff",
            ".ttf" => "font/ttf",
            ".otf" => "font/otf",
            _ => contentType,
        };
    }
}
