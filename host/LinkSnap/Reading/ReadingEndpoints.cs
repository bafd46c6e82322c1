using LinkSnap.Api;
using LinkSnap.Core.Reading;
using LinkSnap.Library;

namespace LinkSnap.Reading;

/// <summary>PUT /api/links/{id}/reading-progress {"fraction": 0.42}: where the reader view was left (decision 069).</summary>
public static class ReadingEndpoints
{
    public static void MapReadingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/links/{id}/reading-progress", async (string id, HttpRequest request, ReadingProgressStore store, CancellationToken cancellationToken) =>
        {
            var linkId = ApiErrors.ParseId(id, "link");
            var body = await ApiErrors.ReadBodyAsync<ReadingProgressDto>(request, cancellationToken);
            var fraction = body.Fraction ?? throw new ArgumentException("Send {\"fraction\": 0.42}, a number from 0 to 1.");
            if (!store.Set(linkId, fraction))
            {
                throw new NotFoundException($"There is no link {linkId}; it may have been deleted.");
            }

            return Results.NoContent();
        });
    }
}

public sealed record ReadingProgressDto(double? Fraction);
