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

    /// <summary>A refusal a person may read (the library shows its detail): title and detail from the message files.</summary>
    public static Task ProblemAsync(HttpContext context, int status, string messageKey) =>
        ProblemAsync(context, status, ServerMessages.Text(context, messageKey + ".title"), ServerMessages.Text(context, messageKey + ".detail"));

    /// <summary>What a person sees when they open the library without a session, in the browser's language.</summary>
    public static Task SignInPageAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentLanguage = ServerMessages.LanguageOf(context);
        var commands = new Dictionary<string, string> { ["serve"] = "linksnap serve", ["open"] = "linksnap open-library" };
        var html = $"""
            <!doctype html>
            <html lang="{ServerMessages.LanguageOf(context)}"><head><meta charset="utf-8"><title>{ServerMessages.Html(context, "server.signIn.title")}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
            <h1>{ServerMessages.Html(context, "server.signIn.heading")}</h1>
            <p>{ServerMessages.Html(context, "server.signIn.text", commands)}</p>
            </body></html>
            """;
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static string Html(string text) => WebUtility.HtmlEncode(text);
}
