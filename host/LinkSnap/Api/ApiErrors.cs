using System.Text.Json;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>Translates the service's exceptions into RFC 7807 ProblemDetails, once for the whole API.</summary>
public sealed class ApiErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UrlRejectedException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "URL refused", e.Message);
        }
        catch (NotFoundException e)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", e.Message);
        }
        catch (QueueFullException e)
        {
            // Retry-After is a hint: the queue drains at the speed of the captures ahead.
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Queue full",
                extensions: new Dictionary<string, object?> { ["queued"] = e.Queued, ["max"] = e.Max });
        }
        catch (Core.Import.ImportException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Import refused", e.Message);
        }
        catch (TagInUseException e)
        {
            return Problem(StatusCodes.Status409Conflict, "Tag in use", e.Message);
        }
        catch (ArgumentException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message);
        }
        catch (Exception e) when (StorageFaults.IsBusy(e))
        {
            // Another process (a sqlite3 shell, a backup) holds the database: nothing was changed, ask again later.
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Database busy",
                $"The library database is locked by another program ({e.Message}); nothing was changed. Try again when it is released.");
        }
        catch (Exception e) when (StorageFaults.IsDiskFull(e))
        {
            return Problem(StatusCodes.Status507InsufficientStorage, "Disk full",
                $"The disk holding the library is full ({e.Message}); nothing was saved. Free some space and try again.");
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
