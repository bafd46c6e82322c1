using System.Reflection;
using System.Text.Json;

namespace LinkSnap.Core.Capture.Quality;

/// <summary>guard.js and quality-rules.json, embedded in the assembly, as the two functions the engine evaluates.</summary>
internal static class QualityScript
{
    private static readonly Lazy<string> Guard = new(() => Resource("guard.js"));
    private static readonly Lazy<string> RulesText = new(() => Resource("quality-rules.json"));

    /// <summary>quality-rules.json as text: the page scripts parse it (Playwright does not pass a JsonElement through).</summary>
    public static string Rules => RulesText.Value;

    /// <summary>The generic lazy-image attributes (data-src, data-original, …), for the eager-image pass.</summary>
    public static IReadOnlyList<string> LazyImageAttributes { get; } =
        [.. JsonDocument.Parse(Rules).RootElement.GetProperty("lazyImageAttributes").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>(args) => prepareCapture(rules, args), async.</summary>
    public static string Prepare => $"async (args) => {{\n{Guard.Value}\nreturn await prepareCapture(JSON.parse(args.rules), args);\n}}";

    /// <summary>(args) => checkCapture(rules, args).</summary>
    public static string Check => $"(args) => {{\n{Guard.Value}\nreturn checkCapture(JSON.parse(args.rules), args);\n}}";

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LinkSnap.Core.Capture.Quality." + name)
            ?? throw new InvalidOperationException($"Capture/Quality/{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
