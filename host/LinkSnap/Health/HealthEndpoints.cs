using LinkSnap.Api;
using LinkSnap.Core.Health;
using LinkSnap.Core.Storage;
using LinkSnap.Library;

namespace LinkSnap.Health;

/// <summary>
/// POST /api/health/checks checks links now, one page of them per call (linkIds, or a tag, or all,
/// after the cursor afterId); GET /api/links/{id}/health is a link's history (docs/api.md).
/// </summary>
public static class HealthEndpoints
{
    public const int MaxPerCall = 100;

    public static void MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/health/checks", async (HttpRequest request, HealthStore store, HealthRunner runner, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<HealthCheckRequestDto>(request, cancellationToken);
            var limit = Math.Clamp(body.Limit ?? 25, 1, MaxPerCall);
            if (body.LinkIds is { Count: > MaxPerCall })
            {
                throw new ArgumentException($"Check at most {MaxPerCall} links per call (use afterId to go on).");
            }

            var targets = store.HealthTargets(body.LinkIds, body.Tag, body.AfterId ?? 0, limit);
            if (body.LinkIds is { Count: > 0 } && targets.Count == 0)
            {
                throw new NotFoundException("None of these links exists.");
            }

            var checks = await runner.CheckAsync(targets, cancellationToken);
            var urls = targets.ToDictionary(t => t.LinkId, t => t.Url);
            return new HealthCheckPageDto(
                checks.Select(c => HealthCheckDto.From(c, urls[c.LinkId])).ToList(),
                targets.Count == limit && body.LinkIds is not { Count: > 0 } ? targets[^1].LinkId : null);
        });

        api.MapGet("/links/{id}/health", (string id, LinkSnapService service, HealthStore store) =>
        {
            var link = service.GetLink(ApiErrors.ParseId(id, "link"));
            return store.HealthHistory(link.Id).Select(c => HealthCheckDto.From(c, link.Url)).ToList();
        });
    }
}

public sealed record HealthCheckRequestDto(IReadOnlyList<long>? LinkIds, string? Tag, long? AfterId, int? Limit);

/// <param name="NextAfterId">Send as afterId for the next page; null when every link was checked.</param>
public sealed record HealthCheckPageDto(IReadOnlyList<HealthCheckDto> Checks, long? NextAfterId);

public sealed record HealthCheckDto(long LinkId, string Url, DateTimeOffset CheckedAt, string State, int? HttpStatus, string Reason, string? MovedTo)
{
    public static HealthCheckDto From(HealthCheck check, string url) =>
        new(check.LinkId, url, check.CheckedAt, HealthStates.Text(check.State), check.HttpStatus, check.Reason, check.MovedTo);
}

/// <summary>A link's latest health in listings (LinkDto.Health).</summary>
public sealed record LinkHealthDto(string State, string Reason, DateTimeOffset CheckedAt, string? MovedTo)
{
    public static LinkHealthDto? From(LinkHealth? health) =>
        health is null ? null : new(HealthStates.Text(health.State), health.Reason, health.CheckedAt, health.MovedTo);
}
