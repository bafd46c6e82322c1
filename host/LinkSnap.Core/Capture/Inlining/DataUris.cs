using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>Builds data: URIs in one allocation of the final string (no intermediate base64 string).</summary>
internal static class DataUris
{
    /// <summary>An empty resource: what a missing reference becomes, so that it never reaches the network.</summary>
    public const string Empty = "data:,";

    public static string FromBytes(string mimeType, byte[] bytes)
    {
        var type = SafeType(mimeType);
        var prefix = "data:" + type + ";base64,";
        var length = prefix.Length + checked(((bytes.Length + 2) / 3) * 4);
        return string.Create(length, (prefix, bytes), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            if (!Convert.TryToBase64Chars(state.bytes, span[state.prefix.Length..], out _))
            {
                throw new InvalidOperationException("base64 length mismatch");
            }
        });
    }

    public static string FromText(string mimeType, string text) =>
        FromBytes(SafeType(mimeType) + ";charset=utf-8", Encoding.UTF8.GetBytes(text));

    // A type with quotes, commas or spaces would end the URI early; such parts still work untyped.
    private static string SafeType(string mimeType)
    {
        foreach (var c in mimeType)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '-' or '.' or ';' or '=' or '_'))
            {
                return "application/octet-stream";
            }
        }

        return mimeType.Length == 0 ? "application/octet-stream" : mimeType;
    }
}
