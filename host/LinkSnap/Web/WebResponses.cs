using System.Net;
using System.Text.Json;

namespace LinkSnap.Web;

/// <summary>The few responses the web layer writes itself, before any endpoint runs.</summary>
internal static class WebResponses
{
    public static async Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new Dictionary<string, object>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    public static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>What a person sees when they open the library without a session.</summary>
    public static Task SignInPageAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        const string html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>LinkSnap — sign in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
            <h1>LinkSnap library</h1>
            <p>This browser has no library session. Open the link printed by <code>linksnap serve</code>,
            or run <code>linksnap open-library</code>, or use "Open LinkSnap library" in the browser extension.</p>
            </body></html>
            """;
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static string Html(string text) => WebUtility.HtmlEncode(text);
}
