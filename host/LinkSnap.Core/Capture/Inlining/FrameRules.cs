using AngleSharp;
using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Frames: the archive holds each frame's document as its own part (src="cid:..."); it is converted
/// the same way, recursively up to <see cref="InliningOptions.MaxFrameDepth"/>, and embedded as
/// srcdoc (iframe) or a data: URI (frame, which has no srcdoc). Frames the archive lacks stay empty,
/// and so do frames whose load failed: the archive then holds Chromium's own network-error document
/// (Content-Location chrome-error://chromewebdata/, "This site can't be reached"), which the live page
/// never showed as content — it would put a grey "sad document" box where the page has an empty slot.
/// </summary>
internal sealed class FrameRules(InliningContext context, int depth)
{
    public void Apply(IElement frame, Uri baseUri)
    {
        var src = frame.GetAttribute("src");
        var srcdoc = frame.LocalName == "iframe" ? frame.GetAttribute("srcdoc") : null;
        frame.RemoveAttribute("src");
        frame.RemoveAttribute("srcdoc");
        frame.RemoveAttribute("loading");

        string? html = null;
        var frameUrl = baseUri;
        if (src is { Length: > 0 } && !IsBlank(src))
        {
            if (context.FindPart(baseUri, src) is { IsHtml: true } part && !IsBrowserErrorPage(part))
            {
                html = part.GetText();
                if (part.Location is { } location && Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    frameUrl = url;
                }
            }
        }
        else if (srcdoc is not null)
        {
            html = srcdoc;
        }

        if (html is null || depth >= context.Options.MaxFrameDepth)
        {
            return;
        }

        var document = new DocumentConverter(context, depth + 1).Convert(html, frameUrl);
        var converted = document.ToHtml();
        context.Frames++;
        if (frame.LocalName == "iframe")
        {
            frame.SetAttribute("srcdoc", converted);
        }
        else
        {
            frame.SetAttribute("src", DataUris.FromText("text/html", converted));
        }
    }

    private static bool IsBrowserErrorPage(ArchivePart part) =>
        part.Location?.StartsWith("chrome-error:", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsBlank(string src) =>
        UrlKeys.Clean(src).StartsWith("about:", StringComparison.OrdinalIgnoreCase);
}
