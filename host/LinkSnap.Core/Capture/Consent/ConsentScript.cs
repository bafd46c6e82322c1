using System.Reflection;

namespace LinkSnap.Core.Capture.Consent;

/// <summary>
/// DuckDuckGo's autoconsent (npm @duckduckgo/autoconsent, pinned by package-lock.json and embedded
/// at build time: its CommonJS bundle and its compact rules) and consent.js, which drives one opt-out
/// in the page (decision 072). The library is installed by an init script of the fresh context (made
/// ahead of the capture, with the spare context), so the capture itself sends only the small driver:
/// sending the 400 KB with each capture cost 0.6–0.9 s under load on a page without any banner.
/// It is installed in every frame, as autoconsent's own content script is: consent managers such as
/// Sourcepoint and TrustArc draw their banner inside a frame from their own origin (decision 080).
/// </summary>
internal static class ConsentScript
{
    private const string Key = "Symbol.for('linksnap.autoconsent')";

    private static readonly Lazy<string> InstallSource = new(() =>
        "(() => {\nconst module = { exports: {} };\nconst exports = module.exports;\n"
        + Resource("LinkSnap.Core.Capture.Consent.autoconsent.js")
        + "\nconst library = { AutoConsent: module.exports.default, filterCompactRules: module.exports.filterCompactRules, rules: "
        + Resource("LinkSnap.Core.Capture.Consent.compact-rules.json")
        + " };\nObject.defineProperty(window, " + Key + ", { value: library });\n})();");

    private static readonly Lazy<string> DismissSource = new(() =>
        "async (args) => {\n" + Resource("LinkSnap.Core.Capture.Consent.consent.js")
        + "\nconst library = window[" + Key + "];\nreturn library ? await dismissConsent(library, args) : null;\n}");

    /// <summary>
    /// Init script: the bundle, given a module object of its own (nothing of it lands on the page's
    /// window), and the rules, kept under one non-writable symbol of each document (every frame's too).
    /// </summary>
    public static string Install => InstallSource.Value;

    /// <summary>(args) => dismissConsent(…), async; args: { boundMs, report }; null when the library was not installed in this frame.</summary>
    public static string Dismiss => DismissSource.Value;

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded: run `npm ci` in host/LinkSnap.Core/Capture/Consent.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
