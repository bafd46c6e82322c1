using System.Text;
using MimeKit;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// One resource of an MHTML archive (a document, stylesheet, image, font, frame...). Its bytes are
/// decoded once, on first use, and its data: URI is built once however many times it is referenced.
/// </summary>
internal sealed class ArchivePart
{
    private readonly MimePart _part;
    private byte[]? _bytes;
    private string? _dataUri;

    public ArchivePart(MimePart part, string? location)
    {
        _part = part;
        Location = location;
        MimeType = part.ContentType.MimeType.ToLowerInvariant();
        ContentId = part.ContentId;
    }

    /// <summary>The resource's URL (Content-Location), as written by the browser.</summary>
    public string? Location { get; }

    public string? ContentId { get; }

    public string MimeType { get; }

    public bool IsHtml => MimeType is "text/html" or "application/xhtml+xml";

    public bool IsCss => MimeType == "text/css";

    public byte[] Bytes
    {
        get
        {
            if (_bytes is null)
            {
                using var stream = new MemoryStream();
                _part.Content?.DecodeTo(stream);
                _bytes = stream.ToArray();
            }

            return _bytes;
        }
    }

    /// <summary>The part as a data: URI with its own bytes and type (built once).</summary>
    public string DataUri => _dataUri ??= DataUris.FromBytes(MimeType, Bytes);

    /// <summary>Decodes a text part: declared charset, then BOM, then an in-document declaration, then UTF-8.</summary>
    public string GetText()
    {
        var bytes = Bytes;
        var encoding = TextDecoding.FromName(_part.ContentType.Charset)
            ?? TextDecoding.FromBom(bytes)
            ?? (IsHtml ? TextDecoding.SniffHtml(bytes) : IsCss ? TextDecoding.SniffCss(bytes) : null)
            ?? new UTF8Encoding(false);
        return TextDecoding.Decode(bytes, encoding);
    }
}
