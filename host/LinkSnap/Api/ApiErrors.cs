using System.Text.Json;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>Translates the service's exceptions into RFC 7807 ProblemDetails, once for the whole API, by the table in <see cref="ServiceError"/>.</summary>
public sealed class ApiErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ServiceError.Of(e) is { } error)
        {
            if (error.RetryAfterSeconds is { } seconds)
            {
                context.HttpContext.Response.Headers.RetryAfter = seconds;
            }

            var extensions = e is QueueFullException full ? new Dictionary<string, object?> { ["queued"] = full.Queued, ["max"] = full.Max } : null;
            return TypedResults.Problem(detail: error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
        }
    }

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Reads a JSON body, turning malformed JSON into a readable 400.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, SnapshotJson.Options, cancellationToken)
                ?? throw new ArgumentException("The request body is empty; send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The request body is not valid JSON for this endpoint: {e.Message}");
        }
    }

    public static long ParseId(string text, string what) =>
        long.TryParse(text, out var id) && id > 0 ? id : throw new NotFoundException($"'{text}' is not a {what} id.");

    public static int ParseLimit(string? text, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, out var limit) && limit is >= 1 and <= LinkListing.MaxPageSize ? limit
        : throw new ArgumentException($"limit must be a number from 1 to {LinkListing.MaxPageSize}.");
}
