using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>/api/tags: counts, rename, merge, delete; /api/default-tags: the default tags.</summary>
public static class TagEndpoints
{
    public static void MapTagEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tags", (LinkSnapService service) =>
            service.ListTags());

        api.MapPost("/tags/rename", async (HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<RenameTagDto>(request, cancellationToken);
            var affected = service.RenameTag(
                body.From ?? throw new ArgumentException("Send {\"from\": \"old\", \"to\": \"new\"}."),
                body.To ?? throw new ArgumentException("Send {\"from\": \"old\", \"to\": \"new\"}."));
            return new { affected };
        });

        api.MapPost("/tags/merge", async (HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<MergeTagsDto>(request, cancellationToken);
            if (body.From is not { Count: > 0 } || body.Into is null)
            {
                throw new ArgumentException("Send {\"from\": [\"a\", \"b\"], \"into\": \"c\"}.");
            }

            return new { affected = service.MergeTags(body.From, body.Into) };
        });

        // The default tags (issue 17 item 5): the extension's options page edits them through the relay
        // (native messages default-tags / set-default-tags), the library and scripts through here.
        api.MapGet("/default-tags", (LinkSnapService service) => new DefaultTagsDto(service.DefaultTags()));

        api.MapPut("/default-tags", async (HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<DefaultTagsDto>(request, cancellationToken);
            return new DefaultTagsDto(service.SetDefaultTags(body.Tags));
        });

        api.MapDelete("/tags/{*name}", (string name, bool? force, LinkSnapService service) =>
        {
            service.DeleteTag(Uri.UnescapeDataString(name), force ?? false);
            return Results.NoContent();
        });
    }
}
