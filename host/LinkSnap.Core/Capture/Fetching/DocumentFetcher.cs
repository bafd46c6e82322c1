using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using LinkSnap.Core.Archive;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// Fetches a main document with HttpClient, following redirects by hand so that the chain is
/// recorded, loops are caught and every hop passes the <see cref="TargetGuard"/>.
/// </summary>
internal sealed class DocumentFetcher : IDisposable
{
    private static readonly HashSet<HttpStatusCode> RedirectStatuses =
    [
        HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect,
    ];

    private readonly CaptureOptions _options;
    private readonly HttpClient _client;

    // The address each host:port was last connected to: the WARC-IP-Address of archived exchanges
    // (connections are pooled, so a response cannot name its own socket).
    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.OrdinalIgnoreCase);

    public DocumentFetcher(CaptureOptions options, TargetGuard guard)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectCallback = async (context, token) =>
            {
                var stream = await guard.ConnectAsync(context, token);
                if (stream is NetworkStream { Socket.RemoteEndPoint: IPEndPoint remote })
                {
                    _addresses[$"{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}"] = (remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address).ToString();
                }

                return stream;
            },
            ConnectTimeout = options.NavigationTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The clock of archived exchanges' dates.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Same as the browser's, so servers see one client.</summary>
    public string UserAgent { get; set; } = BrowserUserAgent;

    /// <summary>Also the health checks' user agent, so a site sees LinkSnap as one client.</summary>
    internal const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    public Task<FetchedDocument> FetchAsync(Uri url, CancellationToken cancellationToken) => FetchAsync(url, null, cancellationToken);

    /// <summary>Fetches <paramref name="url"/>; <paramref name="archive"/> receives every hop as it was exchanged.</summary>
    public async Task<FetchedDocument> FetchAsync(Uri url, Action<HttpExchange>? archive, CancellationToken cancellationToken)
    {
        var chain = new List<string>();
        var current = url;
        while (true)
        {
            TargetGuard.EnsureHttpScheme(current);
            using var hop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            hop.CancelAfter(_options.NavigationTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
            var sent = Time.GetUtcNow();
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, hop.Token);
                if (RedirectStatuses.Contains(response.StatusCode) && response.Headers.Location is { } location)
                {
                    archive?.Invoke(Exchange(request, response, [], sent));
                    chain.Add(current.AbsoluteUri);
                    current = NextHop(current, location, chain);
                    continue;
                }

                var body = await ReadBodyAsync(response, hop.Token);
                archive?.Invoke(Exchange(request, response, body, sent));
                var contentType = response.Content.Headers.ContentType;
                return new FetchedDocument
                {
                    FinalUrl = current,
                    Redirects = chain,
                    Status = (int)response.StatusCode,
                    ReasonPhrase = response.ReasonPhrase ?? response.StatusCode.ToString(),
                    ContentType = contentType?.ToString(),
                    MediaType = contentType?.MediaType?.ToLowerInvariant(),
                    Charset = contentType?.CharSet?.Trim('"', '\''),
                    FileName = FileNameOf(response.Content.Headers.ContentDisposition),
                    Body = body,
                };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CaptureFailureException(
                    $"Timed out after {_options.NavigationTimeout.TotalSeconds:0} s waiting for {current.Host}.");
            }
            catch (HttpRequestException e)
            {
                throw Translate(e, current);
            }
        }
    }

    private HttpExchange Exchange(HttpRequestMessage request, HttpResponseMessage response, byte[] body, DateTimeOffset sent) => new()
    {
        Url = request.RequestUri!,
        RequestHeaders = [.. request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))],
        Status = (int)response.StatusCode,
        StatusText = response.ReasonPhrase,
        ResponseHeaders = [.. response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))],
        Body = body,
        Date = sent,
        IpAddress = _addresses.GetValueOrDefault($"{request.RequestUri!.IdnHost}:{request.RequestUri.Port}"),
    };

    private Uri NextHop(Uri current, Uri location, List<string> chain)
    {
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (chain.Contains(next.AbsoluteUri, StringComparer.Ordinal))
        {
            throw new CaptureFailureException($"Redirect loop: {string.Join(" → ", chain)} → {next.AbsoluteUri}.");
        }

        if (chain.Count > _options.MaxRedirects)
        {
            throw new CaptureFailureException($"Too many redirects (more than {_options.MaxRedirects}), starting at {chain[0]}.");
        }

        return next;
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _options.MaxDocumentBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private CaptureFailureException TooLarge() =>
        new($"The document is larger than {_options.MaxDocumentMegabytes} MB (setting Capture:MaxDocumentMegabytes).");

    private static Exception Translate(HttpRequestException e, Uri url)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is CaptureFailureException failure)
            {
                return failure;
            }

            if (inner is AuthenticationException)
            {
                return new CaptureFailureException($"TLS error talking to {url.Host}: {inner.Message}", e);
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new CaptureFailureException($"DNS lookup failed for {url.Host}.", e),
            HttpRequestError.SecureConnectionError => new CaptureFailureException($"TLS error talking to {url.Host}: {e.Message}", e),
            HttpRequestError.ConnectionError => new CaptureFailureException($"Could not connect to {url.Host}: {e.Message}", e),
            _ => new CaptureFailureException($"Fetching {url} failed: {e.Message}", e),
        };
    }

    private static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        var name = disposition?.FileNameStar ?? disposition?.FileName;
        return string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name.Trim('"'));
    }

    public void Dispose() => _client.Dispose();
}
