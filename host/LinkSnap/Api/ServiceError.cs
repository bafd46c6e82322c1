using LinkSnap.Core.Import;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using LinkSnap.Library;
using LinkSnap.Shared;

namespace LinkSnap.Api;

/// <summary>
/// What a failure of the services means to a caller, in one table for both front doors: the HTTP API
/// answers with <see cref="Status"/> and <see cref="Title"/> as ProblemDetails (<see cref="ApiErrors"/>),
/// native messaging with <see cref="ProtocolCode"/> from extension/shared/protocol.json
/// (Native/NativeMessageHandler.cs). <see cref="Detail"/> is meant for a person.
/// </summary>
public sealed record ServiceError(int Status, string Title, string ProtocolCode, string Detail, string? RetryAfterSeconds = null)
{
    /// <summary>The row for an exception the services throw on purpose, or null for a bug (which stays a 500 / "internal").</summary>
    public static ServiceError? Of(Exception exception) => exception switch
    {
        UrlRejectedException e => new(StatusCodes.Status400BadRequest, "URL refused", ErrorCodes.InvalidUrl, e.Message),
        NotFoundException e => new(StatusCodes.Status404NotFound, "Not found", ErrorCodes.NotFound, e.Message),
        // Retry-After is a hint: the queue drains at the speed of the captures ahead.
        QueueFullException e => new(StatusCodes.Status429TooManyRequests, "Queue full", ErrorCodes.QueueFull, e.Message, "30"),
        ContentTooLargeException e => new(StatusCodes.Status413PayloadTooLarge, "Too large", ErrorCodes.TooLarge, e.Message),
        ImportException e => new(StatusCodes.Status400BadRequest, "Import refused", ErrorCodes.BadMessage, e.Message),
        TagInUseException e => new(StatusCodes.Status409Conflict, "Tag in use", ErrorCodes.BadMessage, e.Message),
        ArgumentException e => new(StatusCodes.Status400BadRequest, "Bad request", ErrorCodes.BadMessage, e.Message),
        // Another process (a sqlite3 shell, a backup) holds the database: nothing was changed, ask again later.
        _ when StorageFaults.IsBusy(exception) => new(StatusCodes.Status503ServiceUnavailable, "Database busy", ErrorCodes.Internal,
            $"The library database is locked by another program ({exception.Message}); nothing was changed. Try again when it is released.", "5"),
        _ when StorageFaults.IsDiskFull(exception) => new(StatusCodes.Status507InsufficientStorage, "Disk full", ErrorCodes.Internal,
            $"The disk holding the library is full ({exception.Message}); nothing was saved. Free some space and try again."),
        _ => null,
    };
}
