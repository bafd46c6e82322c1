using System.Globalization;
using LinkSnap.Core.Health;
using LinkSnap.Core.Storage;

namespace LinkSnap.Api;

/// <summary>/api/links: list and search, one link, edit, tags, delete, bulk.</summary>
public static class LinkEndpoints
{
    public static void MapLinkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/links", (HttpRequest request, LinkSnapService service) =>
        {
            var page = service.Store.ListLinks(ParseQuery(request.Query));
            return new LinkPageDto(page.Items.Select(l => LinkDto.From(l)).ToList(), page.NextCursor, page.Total, page.TotalIsLowerBound);
        });

        api.MapGet("/links/{id}", (string id, LinkSnapService service) =>
        {
            var link = service.GetLink(ApiErrors.ParseId(id, "link"));
            return LinkDto.From(link, service.Store.ListSnapshots(link.Id));
        });

        api.MapPatch("/links/{id}", async (string id, HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var edit = await ApiErrors.ReadBodyAsync<LinkEditDto>(request, cancellationToken);
            return LinkDto.From(service.UpdateLink(ApiErrors.ParseId(id, "link"), edit.Title, edit.Note, edit.Tags, new LinkStatesEdit(edit.Read, edit.Favorite, edit.Archived, edit.Private)));
        });

        api.MapPost("/links/{id}/tags", async (string id, HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<TagsDto>(request, cancellationToken);
            return LinkDto.From(service.AddTags(ApiErrors.ParseId(id, "link"), body.Tags ?? throw new ArgumentException("Send {\"tags\": [\"...\"]}.")));
        });

        api.MapDelete("/links/{id}/tags/{tag}", (string id, string tag, LinkSnapService service) =>
            LinkDto.From(service.RemoveTag(ApiErrors.ParseId(id, "link"), tag)));

        api.MapDelete("/links/{id}", (string id, LinkSnapService service) =>
        {
            service.DeleteLink(ApiErrors.ParseId(id, "link"));
            return Results.NoContent();
        });

        api.MapPost("/bulk", async (HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<BulkDto>(request, cancellationToken);
            var affected = service.Bulk(body.LinkIds ?? throw new ArgumentException("Send the links as \"linkIds\": [1, 2]."), body.Action, body.Tag);
            return new { affected };
        });
    }

    public static LinkListQuery ParseQuery(IQueryCollection query)
    {
        var tagMode = query["tagMode"].ToString();
        var sort = query["sort"].ToString();
        var order = query["order"].ToString();
        var status = query["status"].ToString();
        return new LinkListQuery
        {
            Text = query["q"].ToString(),
            Tags = query["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList(),
            MatchAllTags = tagMode switch
            {
                "" or "and" => true,
                "or" => false,
                _ => throw new ArgumentException("tagMode must be 'and' or 'or'."),
            },
            Site = query["site"].ToString(),
            Author = query["author"].ToString(),
            From = ParseDate(query["from"].ToString(), "from", endOfDay: false),
            To = ParseDate(query["to"].ToString(), "to", endOfDay: true),
            Status = status.Length == 0 ? null
                : StorageText.TryParseStatus(status, out var parsed) ? parsed
                : throw new ArgumentException("status must be queued, running, done, partial or failed."),
            Changed = query["changed"].ToString() switch
            {
                "" or "false" => false,
                "true" => true,
                _ => throw new ArgumentException("changed must be true or false."),
            },
            NeedsAttention = query["attention"].ToString() switch
            {
                "" or "false" => false,
                "true" => true,
                _ => throw new ArgumentException("attention must be true or false."),
            },
            Health = query["health"].Where(h => !string.IsNullOrWhiteSpace(h))
                .Select(h => HealthStates.TryParse(h, out var state) ? state : throw new ArgumentException("health must be alive, moved, gone, soft-404 or unknown."))
                .ToList(),
            States = query["state"].Where(s => !string.IsNullOrWhiteSpace(s))
                .Select(s => ParseStateFilter(s!))
                .ToList(),
            Sort = sort switch
            {
                "" or "saved" => LinkSort.Saved,
                "title" => LinkSort.Title,
                "site" => LinkSort.Site,
                "published" => LinkSort.Published,
                _ => throw new ArgumentException("sort must be saved, published, title or site."),
            },
            Descending = order switch
            {
                "" => sort is "" or "saved" or "published",
                "desc" => true,
                "asc" => false,
                _ => throw new ArgumentException("order must be asc or desc."),
            },
            Limit = ApiErrors.ParseLimit(query["limit"].FirstOrDefault(), 50),
            Cursor = query["cursor"].FirstOrDefault() is { Length: > 0 } cursor ? cursor : null,
        };
    }

    private static LinkStateFilter ParseStateFilter(string text) => text switch
    {
        "read" => LinkStateFilter.Read,
        "unread" => LinkStateFilter.Unread,
        "favorite" => LinkStateFilter.Favorite,
        "archived" => LinkStateFilter.Archived,
        "unarchived" => LinkStateFilter.Unarchived,
        "private" => LinkStateFilter.Private,
        _ => throw new ArgumentException("state must be read, unread, favorite, archived, unarchived or private."),
    };

    /// <summary>A date ("2026-01-31") covers the whole day; a full ISO time is taken as is.</summary>
    private static DateTimeOffset? ParseDate(string text, string name, bool endOfDay)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ArgumentException($"{name} must be a date like 2026-01-31 or an ISO-8601 time.");
    }
}
