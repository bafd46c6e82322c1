using System.Reflection;

namespace LinkSnap.Core.Capture.Readability;

/// <summary>
/// The article script the engine evaluates in the captured page: Mozilla Readability (npm
/// @mozilla/readability, embedded at build time) run on a clone of the document, so the page
/// itself is untouched, followed by LinkSnap's boilerplate cleaning of its result (article.js).
/// Public so that the benchmark runs exactly this string.
/// </summary>
public static class ReadabilityScript
{
    private static readonly Lazy<string> Function = new(Build);

    /// <summary>
    /// A function expression returning the article (title, byline, content, textContent, …) or null;
    /// its optional argument is a document's HTML to read instead of the page's live DOM.
    /// </summary>
    public static string Source => Function.Value;

    private static string Build() =>
        "(html) => {\n" + Resource("LinkSnap.Core.Capture.Readability.js") + "\n" + Resource("LinkSnap.Core.Capture.Readability.article.js") + "\n}";

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded: run `npm ci` in host/LinkSnap.Core/Capture/Readability.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
