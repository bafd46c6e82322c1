using System.Text.Json;
using LinkSnap.Core.Capture.Rendering;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Metadata;

/// <summary>Runs <see cref="MetadataScript"/> in the captured page; a failure is a recorded problem, never a failed capture.</summary>
internal static class MetadataReader
{
    public static async Task<MetadataScan?> ReadAsync(IPage page, ArticleData? article, Uri url, string? html, TimeProvider time, ArtifactRecorder recorder)
    {
        var timeout = recorder.StepTimeout(TimeSpan.FromSeconds(10));
        if (timeout == TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            var args = new
            {
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
                url = url.AbsoluteUri,
                article = article is null ? null : new { title = article.Title, byline = article.Byline, publishedTime = article.PublishedTime, siteName = article.SiteName },
                html,
            };
            var json = await recorder.TimeAsync("metadata-layer", () => page.EvaluateAsync<JsonElement>(MetadataScript.Source, args).WaitAsync(timeout, time));
            return json.Deserialize<MetadataScan>(PageFacts.Json);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or JsonException)
        {
            if (!recorder.IsAborted)
            {
                recorder.AddProblem($"Reading the page's metadata failed: {ArtifactRecorder.FirstLine(e.Message)}");
            }

            return null;
        }
    }
}
