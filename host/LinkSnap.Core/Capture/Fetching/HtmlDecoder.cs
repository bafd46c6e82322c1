using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// Turns fetched bytes into text the way a careful browser would: BOM, then the Content-Type
/// charset, then a meta declaration, then "is it valid UTF-8", then a statistical detector.
/// The engine re-serves the text as UTF-8, so legacy (GBK, Shift-JIS, EUC-KR, ...) and
/// undeclared pages come out as correct text in every artifact.
/// </summary>
internal static partial class HtmlDecoder
{
    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public sealed record Decoded(string Text, Encoding Encoding, string Source);

    public static Decoded Decode(byte[] bytes, string? headerCharset, bool isHtml)
    {
        if (FromBom(bytes) is { } bom)
        {
            return new(bom.GetString(bytes, bom.Preamble.Length, bytes.Length - bom.Preamble.Length), bom, "bom");
        }

        if (Lookup(headerCharset) is { } declared)
        {
            return new(AsBrowser(declared, bytes), declared, "header");
        }

        if (isHtml && Lookup(MetaCharset(bytes)) is { } meta)
        {
            return new(AsBrowser(meta, bytes), meta, "meta");
        }

        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            return new(strictUtf8.GetString(bytes), Encoding.UTF8, "utf-8-valid");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: guess below.
        }

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected?.Encoding ?? Encoding.GetEncoding(1252);
        return new(AsBrowser(detected, bytes), detected, "detected");
    }

    // Legacy two-byte encodings whose second bytes are never below 0x40 except gb18030's digits.
    private static readonly HashSet<int> DoubleByteCodePages = [932, 936, 949, 950, 51932, 51949, 20932, 54936];

    /// <summary>
    /// Decodes as the WHATWG decoders do where it matters for markup: a lead byte followed by an
    /// ASCII byte that cannot end its pair gives U+FFFD and the ASCII byte is kept. .NET's code pages
    /// swallow that byte, so a page that declares gb2312 over UTF-8 bytes (the Readability test page
    /// "qq") lost the '&lt;' of &lt;/title&gt; and its title ran on through the whole head. Punctuation and
    /// whitespace (0x00–0x2F, 0x3A–0x3F) never continue a pair in these encodings, so each run between
    /// them is decoded on its own and those bytes are copied as they are.
    /// </summary>
    private static string AsBrowser(Encoding encoding, byte[] bytes)
    {
        if (!DoubleByteCodePages.Contains(encoding.CodePage))
        {
            return encoding.GetString(bytes);
        }

        encoding = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var text = new StringBuilder(bytes.Length);
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is < 0x30 or (>= 0x3A and < 0x40))
            {
                text.Append(encoding.GetString(bytes, start, i - start)).Append((char)bytes[i]);
                start = i + 1;
            }
        }

        return text.Append(encoding.GetString(bytes, start, bytes.Length - start)).ToString();
    }

    /// <summary>The text is served as UTF-8 from now on: a stale declaration would contradict it in saved copies.</summary>
    public static string DeclareUtf8(string html)
    {
        html = MetaCharsetAttribute().Replace(html, "$1utf-8", 1);
        return MetaHttpEquivCharset().Replace(html, "$1utf-8", 1);
    }

    /// <summary>WHATWG labels: latin1 and ASCII mean windows-1252, gb2312 means GBK, utf-16 in a meta means UTF-8.</summary>
    public static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "iso8859-1" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" or "cp936" => "gbk",
            "x-sjis" or "sjis" or "ms932" or "windows-31j" => "shift_jis",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? FromBom(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return new UTF8Encoding(true);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return new UnicodeEncoding(false, true);
        }

        return b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF ? new UnicodeEncoding(true, true) : null;
    }

    private static string? MetaCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = MetaCharsetPrescan().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups[1].Value;
        return value.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) ? "utf-8" : value;
    }

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPrescan();

    [GeneratedRegex("""(<meta\s+charset\s*=\s*["']?)[A-Za-z0-9_.:-]+""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetAttribute();

    [GeneratedRegex("""(<meta[^>]+content\s*=\s*["'][^"'>]*charset\s*=\s*)[A-Za-z0-9_.:-]+""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaHttpEquivCharset();
}
