using Microsoft.AspNetCore.Http;

namespace LinkSnap.Testing;

/// <summary>
/// Fixture pages that change between requests, for watch tests: each request of /changing/{kind}
/// answers the next version. Kinds: "text" (a sentence edited), "image" (the article's picture
/// swapped), "title" (the title changed), "ad" (only an advert and a timestamp change — must count as
/// unchanged), "same" (byte-identical every time).
/// </summary>
public static class ChangingPages
{
    public static readonly IReadOnlyList<string> Kinds = ["text", "image", "title", "ad", "same"];

    private const string Story =
        "The ferry leaves the harbour at seven every morning and crosses the bay in forty minutes. " +
        "Fishermen wave from their boats, the gulls follow the wake, and on clear days the mountains stand sharp behind the town. " +
        "Passengers drink coffee on the upper deck and watch the lighthouse slide past the islands one by one.";

    public static FixtureServer MapChangingPages(this FixtureServer server)
    {
        foreach (var kind in Kinds)
        {
            var count = 0;
            server.Map("/changing/" + kind, async context =>
            {
                var version = Interlocked.Increment(ref count) - 1;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Page(kind, version));
            });
        }

        server.Map("/changing/red.svg", context => Svg(context, "#c0392b"));
        server.Map("/changing/blue.svg", context => Svg(context, "#2c3e80"));
        return server;
    }

    /// <summary>Version <paramref name="version"/> (0, 1, ...) of a page of <paramref name="kind"/>.</summary>
    public static string Page(string kind, int version)
    {
        var title = kind == "title" && version > 0 ? "Morning ferry timetable changes" : "The morning ferry";
        var text = kind == "text" && version > 0 ? Story.Replace("forty minutes", "an hour and a quarter", StringComparison.Ordinal) : Story;
        var image = kind == "image" && version % 2 == 1 ? "blue.svg" : "red.svg";
        var (adColor, adText, stamp) = kind == "ad" && version % 2 == 1
            ? ("#f1c40f", "Cheap flights to 31 cities!", $"Updated 2026-12-0{version % 9 + 1} 14:{version % 60:00}")
            : ("#1abc9c", "Hotels from 49 a night", "Updated 2026-12-01 09:05");
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
            <style>body{font:18px/1.5 serif;margin:0 auto;max-width:760px;padding:16px}
            aside{position:absolute;top:8px;right:8px;width:160px;height:60px;background:{{adColor}};font:12px sans-serif}</style></head>
            <body>
            <aside class="advert" id="ad-slot">{{adText}}</aside>
            <article>
            <h1>{{title}}</h1>
            <p class="byline"><time>{{stamp}}</time></p>
            <p>{{text}}</p>
            <p><img src="/changing/{{image}}" width="600" height="300" alt="The bay"></p>
            <p>{{Story}}</p>
            <p>{{Story}}</p>
            </article>
            </body></html>
            """;
    }

    private static Task Svg(HttpContext context, string color)
    {
        context.Response.ContentType = "image/svg+xml";
        return context.Response.WriteAsync($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"300\"><rect width=\"600\" height=\"300\" fill=\"{color}\"/></svg>");
    }
}
