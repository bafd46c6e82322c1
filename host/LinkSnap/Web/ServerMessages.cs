using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace LinkSnap.Web;

/// <summary>
/// Texts the daemon writes for people itself (the sign-in page, the web layer's refusals), taken
/// from the library's own message files (keys "server.*" in assets/messages/en.json and zh-CN.json,
/// so the key-parity test covers them) in the language the browser asks for (Accept-Language),
/// English otherwise. The API's other messages name data and rules and stay English (decision 049).
/// </summary>
internal static partial class ServerMessages
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Messages = new(Load);

    /// <summary>"zh-CN" when the request prefers Chinese over English, else "en".</summary>
    public static string LanguageOf(HttpContext context)
    {
        var wanted = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in wanted)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return "zh-CN";
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
        }

        return "en";
    }

    /// <summary>The message <paramref name="key"/> in the request's language, {name} placeholders filled.</summary>
    public static string Text(HttpContext context, string key, IReadOnlyDictionary<string, string>? values = null) =>
        Fill(Lookup(LanguageOf(context), key), values, v => v);

    /// <summary>Like <see cref="Text"/>, HTML-encoded, with each placeholder's value set as &lt;code&gt;.</summary>
    public static string Html(HttpContext context, string key, IReadOnlyDictionary<string, string>? values = null) =>
        Fill(WebUtility.HtmlEncode(Lookup(LanguageOf(context), key)), values, v => $"<code>{WebUtility.HtmlEncode(v)}</code>");

    private static string Lookup(string language, string key) =>
        Messages.Value[language].TryGetValue(key, out var text) ? text
        : Messages.Value["en"].TryGetValue(key, out var english) ? english
        : throw new KeyNotFoundException($"No message \"{key}\" in the library's message files.");

    private static string Fill(string text, IReadOnlyDictionary<string, string>? values, Func<string, string> format) =>
        values is null ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? format(v) : m.Value);

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        var assembly = typeof(ServerMessages).Assembly;
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            using var stream = assembly.GetManifestResourceStream($"LinkSnap.Web.wwwroot/assets/messages/{language}.json")
                ?? throw new InvalidOperationException($"The message file {language}.json is not embedded.");
            using var json = JsonDocument.Parse(stream);
            result[language] = json.RootElement.EnumerateObject()
                .Where(p => p.Name.StartsWith("server.", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        }

        return result;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
