using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Fetching;

namespace LinkSnap.Core.Health;

/// <summary>
/// Checks one link's original page, cheaply: a HEAD (redirects followed by hand, every hop through
/// the capture's <see cref="TargetGuard"/> at connect time), then, only for a page that answers
/// 200 with HTML (or refuses HEAD), a GET of its first <see cref="HealthOptions.MaxBodyKilobytes"/>
/// and of a made-up address on the same site (once per site for a while) to recognise soft 404s.
/// </summary>
public sealed class HealthChecker : IDisposable
{
    private static readonly TimeSpan MissingAnswerLifetime = TimeSpan.FromMinutes(30);

    private readonly HealthOptions _options;
    private readonly int _maxRedirects;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, (Task<PageText.Page?> Page, DateTimeOffset Expires)> _missing = new(StringComparer.OrdinalIgnoreCase);

    public HealthChecker(HealthOptions options, CaptureOptions capture, TimeProvider time)
        : this(options, new TargetGuard(capture.AllowPrivateTargets, null, capture.AllowedPrivateHosts), capture.MaxRedirects, time)
    {
    }

    internal HealthChecker(HealthOptions options, TargetGuard guard, int maxRedirects, TimeProvider time)
    {
        _options = options;
        _maxRedirects = maxRedirects;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectCallback = guard.ConnectAsync,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <param name="savedText">The saved version's text, to tell a changed page from a "not found" one.</param>
    public async Task<HealthProbe> CheckAsync(Uri url, string? savedText, CancellationToken cancellationToken)
    {
        try
        {
            TargetGuard.EnsureHttpScheme(url);
            var answer = await FollowAsync(url, HttpMethod.Head, cancellationToken);
            var needsBody = answer.Status is >= 200 and < 300 ? answer.MediaType is null or "text/html" or "application/xhtml+xml" : answer.Status is not (404 or 410);
            if (needsBody)
            {
                // HEAD told where the page lives; the GET asks there directly, so the chain is not walked twice.
                var get = await FollowAsync(answer.FinalUrl, HttpMethod.Get, cancellationToken);
                answer = get with { Hops = [.. answer.Hops, .. get.Hops] };
            }

            return await JudgeAsync(url, answer, savedText, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthProbe(HealthState.Unknown, null, $"No answer within {_options.RequestTimeout.TotalSeconds:0} s.", Failure: true);
        }
        catch (CaptureFailureException e)
        {
            return Failed(e, e);
        }
        catch (HttpRequestException e)
        {
            return Failed(e, e.InnerException as CaptureFailureException);
        }
    }

    private async Task<HealthProbe> JudgeAsync(Uri url, Answer answer, string? savedText, CancellationToken cancellationToken)
    {
        var status = answer.Status;
        var where = answer.FinalUrl.Equals(url) ? "" : $" (after redirects to {answer.FinalUrl.AbsoluteUri})";
        if (status is 404 or 410)
        {
            return new HealthProbe(HealthState.Gone, status, $"The server answers {status} {(status == 404 ? "Not Found" : "Gone")}{where}.");
        }

        if (status >= 500 || status == 429)
        {
            return new HealthProbe(HealthState.Unknown, status, $"The server answers {status}{where}.", Failure: true);
        }

        if (status is < 200 or >= 300)
        {
            return new HealthProbe(HealthState.Unknown, status, $"The server answers {status}{where}.");
        }

        if (answer.Body is { } body)
        {
            var page = PageText.Read(body, answer.Charset);
            var missing = await MissingPageAsync(answer.FinalUrl, cancellationToken);
            if (SoftNotFound.Judge(page, missing, savedText) is { } reason)
            {
                return new HealthProbe(HealthState.SoftNotFound, status, reason + where);
            }
        }

        if (answer.Hops.Count > 0 && answer.Hops[0].Status is 301 or 308 && !SamePage(url, answer.FinalUrl))
        {
            return new HealthProbe(HealthState.Moved, status, $"Moved permanently to {answer.FinalUrl.AbsoluteUri}.", answer.FinalUrl.AbsoluteUri);
        }

        return new HealthProbe(HealthState.Alive, status, $"The page answers {status}{where}.");
    }

    /// <summary>The site's answer for a made-up address (null when it answers with an error, as it should).</summary>
    private Task<PageText.Page?> MissingPageAsync(Uri page, CancellationToken cancellationToken)
    {
        var site = page.GetLeftPart(UriPartial.Authority);
        var now = _time.GetUtcNow();
        if (_missing.TryGetValue(site, out var known) && known.Expires > now)
        {
            return known.Page;
        }

        var lookup = FetchMissingAsync(new Uri(site + "/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "-linksnap-check"), cancellationToken);
        _missing[site] = (lookup, now + MissingAnswerLifetime);
        return lookup;
    }

    private async Task<PageText.Page?> FetchMissingAsync(Uri madeUp, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await FollowAsync(madeUp, HttpMethod.Get, cancellationToken);
            return answer.Status is >= 200 and < 300 && answer.Body is { } body ? PageText.Read(body, answer.Charset) : null;
        }
        catch (Exception e) when (e is HttpRequestException or CaptureFailureException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<Answer> FollowAsync(Uri url, HttpMethod method, CancellationToken cancellationToken)
    {
        var hops = new List<(int Status, Uri Url)>();
        var current = url;
        while (true)
        {
            TargetGuard.EnsureHttpScheme(current);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            using var request = new HttpRequestMessage(method, current);
            request.Headers.TryAddWithoutValidation("User-Agent", DocumentFetcher.BrowserUserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                hops.Add((status, current));
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (hops.Count > _maxRedirects || hops.Any(h => h.Url.Equals(next)))
                {
                    throw new CaptureFailureException($"Redirect loop or too many redirects, starting at {url.AbsoluteUri}.");
                }

                current = next;
                continue;
            }

            var type = response.Content.Headers.ContentType;
            var body = method == HttpMethod.Get ? await ReadCappedAsync(response, timeout.Token) : null;
            return new Answer(status, current, hops, type?.MediaType?.ToLowerInvariant(), type?.CharSet?.Trim('"', '\''), body);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return buffer[..length];
    }

    private static HealthProbe Failed(Exception e, CaptureFailureException? failure)
    {
        if (failure?.Message.StartsWith("Refused:", StringComparison.Ordinal) == true)
        {
            return new HealthProbe(HealthState.Unknown, null, "Not checked: " + failure.Message);
        }

        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound } && failure?.Message.StartsWith("DNS", StringComparison.Ordinal) == true)
            {
                return new HealthProbe(HealthState.Gone, null, failure.Message.TrimEnd('.') + " (the name no longer exists).");
            }

            if (inner is AuthenticationException)
            {
                return new HealthProbe(HealthState.Unknown, null, "TLS error: " + inner.Message, Failure: true);
            }
        }

        return new HealthProbe(HealthState.Unknown, null, failure?.Message ?? e.Message, Failure: true);
    }

    /// <summary>http→https, an added or dropped "www." or trailing slash: the same page, not a move.</summary>
    private static bool SamePage(Uri a, Uri b)
    {
        static string Key(Uri u) =>
            (u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host).ToLowerInvariant()
            + u.AbsolutePath.TrimEnd('/') + u.Query;

        return Key(a) == Key(b);
    }

    public void Dispose() => _client.Dispose();

    private sealed record Answer(int Status, Uri FinalUrl, List<(int Status, Uri Url)> Hops, string? MediaType, string? Charset, byte[]? Body);
}
