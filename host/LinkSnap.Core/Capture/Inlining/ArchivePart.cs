using System.Text;
using MimeKit;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// One resource of an MHTML archive (a document, stylesheet, image, font, frame...). Its bytes are
/// decoded once, on first use, and its data: URI is built once however many times it is referenced.
/// </summary>
internal sealed class ArchivePart
{
    private readonly Func<byte[]> _load;
    private readonly string? _charset;
    private byte[]? _bytes;
    private string? _dataUri;

    public ArchivePart(MimePart part, string? location)
        : this(part.ContentType.MimeType, part.ContentType.Charset, location, part.ContentId, () => Decode(part))
    {
    }

    public ArchivePart(string mimeType, string? charset, string? location, string? contentId, Func<byte[]> load)
    {
        _load = load;
        _charset = charset;
        Location = location;
        MimeType = mimeType.ToLowerInvariant();
        ContentId = contentId;
    }

    /// <summary>The resource's URL (Content-Location), as written by the browser.</summary>
    public string? Location { get; }

    public string? ContentId { get; }

    public string MimeType { get; }

    public bool IsHtml => MimeType is "text/html" or "application/xhtml+xml";

    public bool IsCss => MimeType == "text/css";

    public byte[] Bytes => _bytes ??= _load();

    /// <summary>The part as a data: URI with its own bytes and type (built once).</summary>
    public string DataUri => _dataUri ??= DataUris.FromBytes(MimeType, Bytes);

    /// <summary>Decodes a text part: declared charset, then BOM, then an in-document declaration, then UTF-8.</summary>
    public string GetText()
    {
        var bytes = Bytes;
        var encoding = TextDecoding.FromName(_charset)
            ?? TextDecoding.FromBom(bytes)
            ?? (IsHtml ? TextDecoding.SniffHtml(bytes) : IsCss ? TextDecoding.SniffCss(bytes) : null)
            ?? new UTF8Encoding(false);
        return TextDecoding.Decode(bytes, encoding);
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content?.DecodeTo(stream);
        return stream.ToArray();
    }
}
