using System.Reflection;

namespace LinkSnap.Core.Capture.Readability;

/// <summary>
/// Mozilla Readability (npm @mozilla/readability, embedded at build time) wrapped as one
/// function that runs it on a clone of the page's document, so the page itself is untouched.
/// </summary>
internal static class ReadabilityScript
{
    private static readonly Lazy<string> Function = new(Build);

    public static string Source => Function.Value;

    private static string Build()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LinkSnap.Core.Capture.Readability.js")
            ?? throw new InvalidOperationException("Readability.js is not embedded: run `npm ci` in host/LinkSnap.Core/Capture/Readability.");
        using var reader = new StreamReader(stream);
        var library = reader.ReadToEnd();
        return "() => {\n" + library + """

              const article = new Readability(document.cloneNode(true), { charThreshold: 200 }).parse();
              if (!article) return null;
              return {
                title: article.title || null, byline: article.byline || null, dir: article.dir || null,
                lang: article.lang || null, content: article.content || null, textContent: article.textContent || null,
                excerpt: article.excerpt || null, siteName: article.siteName || null, publishedTime: article.publishedTime || null,
              };
            }
            """;
    }
}
