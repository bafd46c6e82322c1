namespace LinkSnap.Web;

/// <summary>
/// The reader view: the readable article (HTML written by Readability at capture time) inside a
/// calm page with inline styles only, served on the sandboxed origin like every other snapshot file.
/// The page's reader controls pick the font size, line width and theme through the query string
/// (?size=s|m|l|xl&amp;width=narrow|medium|wide&amp;theme=auto|light|sepia|dark), from fixed lists only
/// (an unknown value is the default).
/// Reading progress (decision 069): the page carries one script of LinkSnap's own, allowed by its hash
/// and by nothing else, so nothing in the article can run. It only tells the library page how far the
/// article is scrolled and scrolls to where the person stopped; the frame is sandboxed without
/// allow-same-origin (an opaque origin, no network: connect-src falls back to 'none').
/// </summary>
public sealed class ReaderPage
{
    /// <summary>
    /// The whole script. Each message carries the key the library page put in the frame's fragment, so a
    /// page the frame was navigated to (a link followed inside the article) cannot speak for it; the
    /// library page accepts a message only from this frame's window and with that key.
    /// </summary>
    internal const string ProgressScript =
        "(function () {" +
        "var key = location.hash.slice(1);" +
        "var fraction = function () { var max = document.documentElement.scrollHeight - innerHeight; return max > 0 ? Math.min(1, Math.max(0, scrollY / max)) : 0; };" +
        "var send = function (kind) { parent.postMessage({ linksnapReader: key, kind: kind, fraction: fraction() }, '*'); };" +
        "var timer = 0;" +
        "addEventListener('scroll', function () { clearTimeout(timer); timer = setTimeout(function () { send('progress'); }, 200); }, { passive: true });" +
        "addEventListener('message', function (event) {" +
        " var to = event.data && event.data.linksnapRestore;" +
        " if (event.source !== parent || typeof to !== 'number' || !(to >= 0 && to <= 1)) return;" +
        " scrollTo(0, to * (document.documentElement.scrollHeight - innerHeight));" +
        "});" +
        "if (document.readyState === 'complete') send('ready'); else addEventListener('load', function () { send('ready'); });" +
        "})();";

    /// <summary>
    /// The snapshot origin's policy with two changes for this page only: the sandbox allows scripts (still
    /// no allow-same-origin: an opaque origin) and script-src admits exactly <see cref="ProgressScript"/> by
    /// its hash. No 'unsafe-inline', no source list: an article's &lt;script&gt;, on* attributes and
    /// javascript: URLs are refused by the browser.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        SnapshotOrigin.ContentSecurityPolicy.Replace("sandbox;", "sandbox allow-scripts;", StringComparison.Ordinal) +
        "; script-src 'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ProgressScript))) + "'";

    private const string Style = """
        :root { color-scheme: light dark; }
        body { margin: 0; padding: 2rem 1.25rem 4rem; background: #fbfaf7; color: #1d1d1f;
          font: 18px/1.7 Charter, "Iowan Old Style", Georgia, "Noto Serif CJK SC", "Noto Serif CJK JP",
          "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", serif; }
        main { max-width: 40rem; margin: 0 auto; overflow-wrap: anywhere; }
        img, video, svg, table { max-width: 100%; height: auto; }
        pre { overflow: auto; padding: .75rem; background: rgba(127,127,127,.12); border-radius: 6px; }
        code, pre { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: .9em; }
        a { color: #0b57d0; }
        blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid rgba(127,127,127,.4); }
        h1, h2, h3 { line-height: 1.25; }
        @media (prefers-color-scheme: dark) { body { background: #16171a; color: #e6e6e6; } a { color: #8ab4f8; } }
        """;

    // Each choice is a fixed piece of CSS; "m", "medium" and "auto" are the style above.
    private static string Choices(IQueryCollection query)
    {
        var size = query["size"].ToString() switch
        {
            "s" => "16px",
            "l" => "21px",
            "xl" => "24px",
            _ => null,
        };
        var width = query["width"].ToString() switch
        {
            "narrow" => "32rem",
            "wide" => "52rem",
            _ => null,
        };
        var theme = query["theme"].ToString() switch
        {
            "light" => "body { background: #fbfaf7 !important; color: #1d1d1f !important; color-scheme: light; } a { color: #0b57d0 !important; }",
            "sepia" => "body { background: #f4ecd8 !important; color: #3b2f20 !important; color-scheme: light; } a { color: #7a4b12 !important; }",
            "dark" => "body { background: #16171a !important; color: #e6e6e6 !important; color-scheme: dark; } a { color: #8ab4f8 !important; }",
            _ => "",
        };
        return (size is null ? "" : $"body {{ font-size: {size}; }}") + (width is null ? "" : $"main {{ max-width: {width}; }}") + theme;
    }

    internal async Task WriteAsync(HttpContext context, string articlePath)
    {
        // article.html is a whole document with its own meta CSP (it must be inert opened from disk
        // too); here its body goes into the reader's page, which the snapshot origin serves under the
        // same policy as a header. A <meta> CSP inside <body> would only be an error in the console.
        var file = await File.ReadAllTextAsync(articlePath, context.RequestAborted);
        var article = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(file).Body?.InnerHtml ?? "";
        var choices = Choices(context.Request.Query);
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<style>{Style}{choices}</style></head><body><main class=\"reader\">{article}</main><script>{ProgressScript}</script></body></html>",
            context.RequestAborted);
    }
}
