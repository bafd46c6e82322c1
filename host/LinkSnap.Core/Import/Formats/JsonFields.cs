using System.Text.Json;

namespace LinkSnap.Core.Import.Formats;

/// <summary>Reading the loosely typed fields of JSON exports: booleans as true/"1"/"yes", tags as arrays, objects or delimited strings.</summary>
internal static class JsonFields
{
    public static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static bool Flag(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.TryGetInt64(out var n) && n != 0,
            JsonValueKind.String => value.GetString()?.Trim().ToLowerInvariant() is "1" or "yes" or "true",
            _ => false,
        };

    /// <summary>Tags as ["a","b"], [{"name":"a"}], "a,b" or "a b" (space-separated when <paramref name="spaces"/>).</summary>
    public static IReadOnlyList<string> Tags(JsonElement item, string name, bool spaces = false)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray()
                .Select(t => t.ValueKind == JsonValueKind.Object ? Text(t, "name") ?? Text(t, "label") : t.ValueKind == JsonValueKind.String ? t.GetString() : null)
                .OfType<string>()
                .Select(t => t.Trim())
                .Where(t => t.Length > 0)
                .ToList();
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        char[] separators = spaces && !text.Contains(',') ? [' ', '\t'] : [','];
        return text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Every object of a top-level array, or of the named array property; empty when the shape differs.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? root, string? property = null)
    {
        var list = root is { } r && property is not null && r.ValueKind == JsonValueKind.Object && r.TryGetProperty(property, out var p) ? p : root;
        return list is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object) : [];
    }

    /// <summary>True when the JSON is an array (or holds one under <paramref name="property"/>) whose first object has all the keys.</summary>
    public static bool FirstHas(JsonElement? root, string? property, params string[] keys) =>
        Items(root, property).Take(1).Any(first => keys.All(k => first.TryGetProperty(k, out _)));
}
