using System.Text;
using System.Text.RegularExpressions;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>Finds the encoding of a text part the way a browser would, for the charsets .NET knows.</summary>
internal static partial class TextDecoding
{
    static TextDecoding()
    {
        // Legacy charsets (gb2312, shift_jis, windows-1251...) are still common on the web.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var label = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // WHATWG maps these labels to supersets; decoding with the superset is what browsers show.
        label = label switch
        {
            "gb2312" or "gb_2312-80" or "x-gbk" or "gbk" => "gb18030",
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" => "windows-1252",
            "utf8" => "utf-8",
            _ => label,
        };
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static Encoding? FromBom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(false),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    /// <summary>A meta charset (or http-equiv Content-Type) within the first 1024 bytes.</summary>
    public static Encoding? SniffHtml(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var match = MetaCharset().Match(head);
        return match.Success ? FromName(match.Groups[1].Value) : null;
    }

    public static Encoding? SniffCss(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        var match = CssCharset().Match(head);
        return match.Success ? FromName(match.Groups[1].Value) : null;
    }

    public static string Decode(byte[] bytes, Encoding encoding)
    {
        var text = encoding.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^@charset\s+["']([A-Za-z0-9_:.+-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex CssCharset();
}
