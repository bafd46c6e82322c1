using System.Text.Json;
using LinkSnap.Core.Capture.Browser;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Capture.Rendering;

namespace LinkSnap.Core.Capture;

/// <summary>
/// Stores a non-HTML target (PDF, image, plain text, any download) as itself, with its text for
/// search when it is text and a thumbnail when it is an image.
/// </summary>
internal sealed class OriginalSaver(CaptureOptions options, BrowserHost browsers)
{
    /// <summary>Images above this are not thumbnailed: the bytes travel to the browser as base64.</summary>
    private const int MaxThumbnailSourceBytes = 20 * 1024 * 1024;

    public async Task<(PageMetadata Metadata, string? Text)> SaveAsync(FetchedDocument document, string kind, ArtifactRecorder recorder, CancellationToken cancellationToken)
    {
        var mediaType = document.MediaType is null or "application/octet-stream" ? ContentKinds.Sniff(document.Body) ?? document.MediaType : document.MediaType;
        var name = ContentKinds.FileNameOf(document.FinalUrl, document.FileName);
        var fileName = $"{ArtifactFiles.OriginalBase}.{ContentKinds.ExtensionFor(mediaType, name)}";
        await recorder.ProduceAsync(ArtifactKinds.Original, fileName, document.ContentType ?? mediaType ?? "application/octet-stream",
            () => Task.FromResult<byte[]?>(document.Body), cancellationToken);

        string? text = null;
        if (kind == ContentKinds.Text)
        {
            text = HtmlDecoder.Decode(document.Body, document.Charset, isHtml: false).Text;
        }

        if (kind == ContentKinds.Image && options.SaveScreenshot && document.Body.Length <= MaxThumbnailSourceBytes)
        {
            await recorder.ProduceAsync(ArtifactKinds.Thumbnail, ArtifactFiles.Thumbnail, "image/webp",
                () => ThumbnailAsync(document.Body, mediaType ?? "image/png", cancellationToken), cancellationToken);
        }

        if (document.IsHttpError)
        {
            recorder.AddProblem($"HTTP {document.Status} {document.ReasonPhrase}", first: true);
        }

        var metadata = new PageMetadata
        {
            Title = name,
            IsChallengeOrError = document.IsHttpError,
        };
        return (metadata, text);
    }

    private async Task<byte[]?> ThumbnailAsync(byte[] image, string mediaType, CancellationToken cancellationToken)
    {
        using var lease = await browsers.AcquireAsync(cancellationToken);
        var context = await lease.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var result = await page.EvaluateAsync<JsonElement>(PageScripts.Thumbnail, new object[] { Convert.ToBase64String(image), mediaType, options.ThumbnailWidth });
            return Convert.FromBase64String(result.GetProperty("data").GetString()!);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
