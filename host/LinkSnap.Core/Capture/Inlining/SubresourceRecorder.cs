using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Records the responses a page loads that MHTML snapshots leave out (web fonts, images of SVG
/// &lt;image&gt;, external SVG sprites), so that the saved copy can inline them: attach before
/// navigating; after taking the snapshot (and before closing the page) collect what the snapshot
/// lacks; pass it to <see cref="SelfContainedHtml.Convert(string, Uri, InliningOptions, IReadOnlyCollection{CapturedResource}?)"/>.
/// Only references are kept while the page loads; bodies are read for the missing few.
/// </summary>
public sealed class SubresourceRecorder
{
    private readonly ConcurrentQueue<IResponse> _responses = new();

    private SubresourceRecorder()
    {
    }

    /// <summary>Bytes kept at most; resources past it are left out (fonts then fall back to local ones).</summary>
    public long MaxTotalBytes { get; init; } = 20L * 1024 * 1024;

    public static SubresourceRecorder Attach(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var recorder = new SubresourceRecorder();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "font" or "image" && response.Status is >= 200 and < 300
                && response.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                recorder._responses.Enqueue(response);
            }
        };
        return recorder;
    }

    /// <summary>
    /// The bodies of recorded responses that the MHTML snapshot does not hold (all of them without
    /// a snapshot); responses whose body is no longer available are skipped.
    /// </summary>
    public async Task<IReadOnlyList<CapturedResource>> CollectAsync(string? mhtml, CancellationToken cancellationToken)
    {
        var archive = mhtml is null ? null : MhtmlArchive.Parse(mhtml);
        var resources = new List<CapturedResource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var response in _responses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(response.Url) || !Uri.TryCreate(response.Url, UriKind.Absolute, out var url) || archive?.Find(url) is not null)
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
            resources.Add(new CapturedResource(url, TypeOf(type, url), body));
        }

        return resources;
    }

    // Servers often send fonts as application/octet-stream; a typed data: URI is what browsers expect.
    private static string TypeOf(string contentType, Uri url)
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
