namespace LinkSnap.Web;

/// <summary>
/// The reader view: the readable article (HTML written by Readability at capture time) inside a
/// calm page with inline styles only, served on the sandboxed origin like every other snapshot file.
/// The page's reader controls pick the font size, line width and theme through the query string
/// (?size=s|m|l|xl&amp;width=narrow|medium|wide&amp;theme=auto|light|sepia|dark): the frame runs no script,
/// so the choice is made here, from fixed lists only (an unknown value is the default).
/// </summary>
public sealed class ReaderPage
{
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
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<style>{Style}{choices}</style></head><body><main class=\"reader\">{article}</main></body></html>",
            context.RequestAborted);
    }
}
