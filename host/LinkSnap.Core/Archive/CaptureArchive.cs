using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Archive;

/// <summary>
/// The WARC of one capture, written to a file while the capture runs: a warcinfo record first,
/// then a response and a request record per HTTP exchange (a revisit when the same payload was
/// already stored), resource records for the screenshot and PDF, and a metadata record. Calls may
/// come from several threads (browser events, the fetcher). Bodies past the per-resource limit and
/// everything past the total cap are left out and listed, and the archive is marked partial.
/// </summary>
public sealed class CaptureArchive : IDisposable
{
    private readonly FileStream _file;
    private readonly WarcWriter _writer;
    private readonly ArchiveLimits _limits;
    private readonly List<CdxjEntry> _index = [];
    private readonly Dictionary<string, (string Url, DateTimeOffset Date)> _payloads = [];
    private readonly List<ArchiveNote> _notes = [];
    private readonly Lock _lock = new();
    private long _stored;

    public CaptureArchive(string warcPath, ArchiveLimits limits, DateTimeOffset created, IReadOnlyDictionary<string, string> info)
    {
        _limits = limits;
        _file = new FileStream(warcPath, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        _writer = new WarcWriter(_file);
        WarcPath = warcPath;
        Created = created;
        var fields = string.Concat(info.Select(f => $"{f.Key}: {f.Value}\r\n"));
        _writer.Write("warcinfo", WarcWriter.NewRecordId(), created,
            [new("WARC-Filename", WarcWriter.FileName), new("Content-Type", "application/warc-fields")], Encoding.UTF8.GetBytes(fields));
    }

    public string WarcPath { get; }

    public ArchiveLimits Limits => _limits;

    public DateTimeOffset Created { get; }

    /// <summary>Why the archive is incomplete (limits reached), or null.</summary>
    public string? PartialReason { get; private set; }

    /// <summary>Requests not stored as responses: refused, failed, or over a limit.</summary>
    public IReadOnlyList<ArchiveNote> Notes
    {
        get
        {
            lock (_lock)
            {
                return [.. _notes];
            }
        }
    }

    public IReadOnlyList<CdxjEntry> Index
    {
        get
        {
            lock (_lock)
            {
                return [.. _index];
            }
        }
    }

    /// <summary>Stores one exchange: response and request records, or a revisit for a payload already stored.</summary>
    public void Record(HttpExchange exchange)
    {
        if (exchange.Body.LongLength > _limits.MaxResourceBytes)
        {
            Note(exchange.Url.AbsoluteUri, $"not stored: {exchange.Body.LongLength} bytes is over the per-resource limit of {_limits.MaxResourceBytes}");
            return;
        }

        var response = HttpMessages.Response(exchange);
        var payloadStart = HttpMessages.PayloadOffset(response);
        var payloadDigest = WarcWriter.Digest(response.AsSpan(payloadStart));
        var request = HttpMessages.Request(exchange);
        var url = exchange.Url.AbsoluteUri;
        lock (_lock)
        {
            var revisitOf = exchange.Body.Length > 0 && _payloads.TryGetValue(payloadDigest, out var first) ? first : default((string Url, DateTimeOffset Date)?);
            var size = (revisitOf is null ? response.LongLength : payloadStart) + request.LongLength;
            if (_stored + size > _limits.MaxTotalBytes)
            {
                PartialReason ??= $"the archive reached its cap of {_limits.MaxTotalBytes / (1024 * 1024)} MB (setting Capture:MaxArchiveMegabytes); later responses were left out";
                _notes.Add(new ArchiveNote(url, "not stored: the archive's total cap was reached"));
                return;
            }

            _stored += size;
            var responseId = WarcWriter.NewRecordId();
            List<KeyValuePair<string, string>> headers = [new("WARC-Target-URI", url)];
            if (exchange.IpAddress is not null)
            {
                headers.Add(new("WARC-IP-Address", exchange.IpAddress));
            }

            headers.Add(new("Content-Type", "application/http; msgtype=response"));
            headers.Add(new("WARC-Payload-Digest", payloadDigest));
            WarcLocation location;
            if (revisitOf is { } original)
            {
                headers.Add(new("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"));
                headers.Add(new("WARC-Refers-To-Target-URI", original.Url));
                headers.Add(new("WARC-Refers-To-Date", WarcWriter.FormatDate(original.Date)));
                location = _writer.Write("revisit", responseId, exchange.Date, headers, response.AsSpan(0, payloadStart));
                _index.Add(CdxjEntry.For(url, exchange.Date, "warc/revisit", exchange.Status, payloadDigest, location));
            }
            else
            {
                location = _writer.Write("response", responseId, exchange.Date, headers, response);
                _index.Add(CdxjEntry.For(url, exchange.Date, HttpMessages.MediaType(exchange), exchange.Status, payloadDigest, location));
                if (exchange.Body.Length > 0)
                {
                    _payloads[payloadDigest] = (url, exchange.Date);
                }
            }

            _writer.Write("request", WarcWriter.NewRecordId(), exchange.Date,
                [new("WARC-Target-URI", url), new("WARC-Concurrent-To", responseId), new("Content-Type", "application/http; msgtype=request")], request);
        }
    }

    /// <summary>A file the capture made (screenshot, PDF) as a resource record at a urn: of its own.</summary>
    public void AddResource(string uri, string contentType, byte[] bytes, DateTimeOffset date, IEnumerable<KeyValuePair<string, string>>? extra = null) =>
        Add("resource", uri, contentType, bytes, date, extra);

    /// <summary>Facts about the capture (timings, refused requests) as a JSON metadata record.</summary>
    public void AddMetadata(string uri, object facts, DateTimeOffset date) =>
        Add("metadata", uri, "application/json", JsonSerializer.SerializeToUtf8Bytes(facts), date, null);

    public void Note(string url, string reason)
    {
        lock (_lock)
        {
            _notes.Add(new ArchiveNote(url, reason));
        }
    }

    private void Add(string type, string uri, string contentType, byte[] bytes, DateTimeOffset date, IEnumerable<KeyValuePair<string, string>>? extra)
    {
        var digest = WarcWriter.Digest(bytes);
        List<KeyValuePair<string, string>> headers = [new("WARC-Target-URI", uri), new("Content-Type", contentType), new("WARC-Payload-Digest", digest)];
        headers.AddRange(extra ?? []);
        lock (_lock)
        {
            var location = _writer.Write(type, WarcWriter.NewRecordId(), date, headers, bytes);
            _stored += bytes.LongLength;
            _index.Add(CdxjEntry.For(uri, date, contentType.Split(';')[0].Trim(), null, digest, location));
        }
    }

    /// <summary>Flushes the WARC; the archive takes no more records.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _file.Flush();
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>A request the archive holds no response for, and why.</summary>
public sealed record ArchiveNote(string Url, string Reason);

/// <summary>Byte limits of one capture's archive.</summary>
public sealed record ArchiveLimits(long MaxResourceBytes, long MaxTotalBytes);
