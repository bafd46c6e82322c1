using System.Text.Json;

namespace LinkSnap.Core.Import;

/// <summary>A decoded import file: its name (for messages only, never for detection), its text, and its JSON when it is JSON.</summary>
public sealed class ImportText(string fileName, string text, IReadOnlyDictionary<string, string>? attachments = null)
{
    private readonly Lazy<JsonElement?> _json = new(() => ParseJson(text));

    public string FileName { get; } = fileName;
    public string Text { get; } = text;

    /// <summary>Other files of the same zip by path (Omnivore's content/SLUG.md), empty for a plain file.</summary>
    public IReadOnlyDictionary<string, string> Attachments { get; } = attachments ?? new Dictionary<string, string>();

    /// <summary>The start of the text, lower-case, for sniffing.</summary>
    public string Head { get; } = HeadOf(text);

    /// <summary>The parsed document when the text is JSON, else null.</summary>
    public JsonElement? Json => _json.Value;

    // Trims a span, not the text: trimming a 25 MB text copies it (decision 082).
    private static string HeadOf(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return start[..Math.Min(4096, start.Length)].ToString().ToLowerInvariant();
    }

    private static JsonElement? ParseJson(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.Length == 0 || (start[0] != '{' && start[0] != '['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(start, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
