using System.Reflection;

namespace LinkSnap.Core.Capture.Metadata;

/// <summary>
/// The metadata layer the engine evaluates in the captured page after the article script: each field
/// (title, author, published and modified dates, site name, language, description, lead image,
/// canonical URL) decided from every source the page has, with the source that won. Its argument is
/// <c>{ now, url, article, html }</c>: the capture time (ms since the epoch, from the engine's
/// TimeProvider), the page URL, the article script's result, and optionally the fetched document's
/// HTML to read instead of the live DOM. Public so that the benchmark runs exactly this string.
/// </summary>
public static class MetadataScript
{
    private static readonly Lazy<string> Function = new(Build);

    public static string Source => Function.Value;

    private static string Build() =>
        "(args) => {\n" + Resource("dates.js") + "\n" + Resource("sources.js") + "\n" + Resource("bylines.js") + "\n" + Resource("metadata.js") + "\n"
        + "const doc = args.html ? new DOMParser().parseFromString(args.html, 'text/html') : document;\n"
        + "return readMetadata(doc, args);\n}";

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LinkSnap.Core.Capture.Metadata." + name)
            ?? throw new InvalidOperationException($"Capture/Metadata/{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
