using System.Text;
using MimeKit;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// An MHTML snapshot (RFC 2557, as written by Chromium's Page.captureSnapshot) parsed with MimeKit:
/// the root document plus every part, found by URL (Content-Location) or by cid: (Content-ID, used
/// for frames).
/// </summary>
internal sealed class MhtmlArchive
{
    private readonly Dictionary<string, ArchivePart> _byLocation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArchivePart> _byContentId = new(StringComparer.Ordinal);

    private MhtmlArchive(ArchivePart root, DateTimeOffset? date, string? snapshotLocation)
    {
        Root = root;
        Date = date;
        SnapshotLocation = snapshotLocation;
    }

    public ArchivePart Root { get; }

    /// <summary>When the browser wrote the snapshot (the MIME Date header), if it said.</summary>
    public DateTimeOffset? Date { get; }

    public string? SnapshotLocation { get; }

    public int PartCount => _byLocation.Count + _byContentId.Count;

    public static MhtmlArchive Parse(string mhtml)
    {
        ArgumentNullException.ThrowIfNull(mhtml);
        if (string.IsNullOrWhiteSpace(mhtml))
        {
            throw new FormatException("The MHTML snapshot is empty.");
        }

        // MHTML is 7-bit (quoted-printable/base64); a caller that decoded 8-bit parts as UTF-8 gets them back intact.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mhtml));
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(stream);
        }
        catch (ParseException e)
        {
            throw new FormatException("The snapshot is not a valid MHTML (MIME) document: " + e.Message, e);
        }

        var parts = message.BodyParts.OfType<MimePart>().ToList();
        if (parts.Count == 0)
        {
            throw new FormatException("The MHTML snapshot has no parts.");
        }

        var rootMime = message.Body is MultipartRelated related && related.Root is MimePart r ? r : parts[0];
        if (message.Body is MultipartRelated && rootMime.ContentType.MimeType is not ("text/html" or "application/xhtml+xml"))
        {
            rootMime = parts.FirstOrDefault(p => p.ContentType.IsMimeType("text", "html")) ?? rootMime;
        }

        var date = message.Headers.Contains(HeaderId.Date) ? message.Date : (DateTimeOffset?)null;
        var archive = new MhtmlArchive(new ArchivePart(rootMime, RawLocation(rootMime)), date, message.Headers["Snapshot-Content-Location"]);
        foreach (var mime in parts)
        {
            var part = ReferenceEquals(mime, rootMime) ? archive.Root : new ArchivePart(mime, RawLocation(mime));
            archive.Add(part);
        }

        return archive;
    }

    public ArchivePart? Find(Uri url)
    {
        if (url.Scheme == "cid")
        {
            return FindContentId(Uri.UnescapeDataString(url.OriginalString[4..]));
        }

        return _byLocation.GetValueOrDefault(UrlKeys.Of(url));
    }

    /// <summary>
    /// Adds a resource the browser loaded but did not write into the MHTML (Chromium leaves out web
    /// fonts). Parts of the archive itself win over these.
    /// </summary>
    public void AddCaptured(CapturedResource resource)
    {
        var body = resource.Body;
        var type = resource.ContentType.Split(';')[0].Trim();
        Add(new ArchivePart(type.Length == 0 ? "application/octet-stream" : type, null, resource.Url.AbsoluteUri, null, () => body));
    }

    public ArchivePart? FindContentId(string contentId) => _byContentId.GetValueOrDefault(contentId.Trim('<', '>', ' '));

    private void Add(ArchivePart part)
    {
        if (part.ContentId is { Length: > 0 } id)
        {
            _byContentId.TryAdd(id, part);
        }

        if (part.Location is { Length: > 0 } location && location.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            // Chromium writes stylesheets that exist only in the CSSOM (constructed, or changed by
            // script) as parts located at cid: URLs, linked from the document by that URL.
            _byContentId.TryAdd(Uri.UnescapeDataString(location[4..]), part);
        }
        else if (part.Location is { Length: > 0 } location2 && Uri.TryCreate(location2, UriKind.Absolute, out var url))
        {
            // The first part for a URL wins: browsers write the document before what it uses.
            _byLocation.TryAdd(UrlKeys.Of(url), part);
        }
    }

    // MimeKit parses Content-Location into a Uri and may drop what it cannot parse; the header text is the truth.
    private static string? RawLocation(MimePart part) => part.Headers[HeaderId.ContentLocation]?.Trim();
}
