using LinkSnap.Api;
using LinkSnap.Core.Urls;
using LinkSnap.Library;

namespace LinkSnap.Native;

/// <summary>The service's exceptions as protocol error codes, for messages answered without the HTTP API (which maps them in ApiErrors).</summary>
internal static class NativeErrors
{
    public static string? Code(Exception exception) => exception switch
    {
        NotFoundException => "not-found",
        UrlRejectedException => "invalid-url",
        QueueFullException => "queue-full",
        ArgumentException => "bad-message",
        _ => null,
    };
}
