using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Storage;

/// <summary>Opaque page position: (sort key, id) for listings, an offset into the ranked order for search.</summary>
internal sealed class PageCursor
{
    public string? Key { get; set; }
    public long Id { get; set; }
    public int Offset { get; set; }

    public static string Encode(PageCursor cursor) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(cursor)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor Decode(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var cursor = JsonSerializer.Deserialize<PageCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) ?? throw new FormatException();
            return cursor.Offset < 0 ? throw new FormatException() : cursor;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new ArgumentException("The cursor is not one this server handed out; start again from the first page.");
        }
    }
}
