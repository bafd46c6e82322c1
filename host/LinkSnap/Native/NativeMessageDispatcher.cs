using System.Text.Json;
using System.Text.Json.Nodes;
using LinkSnap.Api;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using LinkSnap.Library;
using LinkSnap.Shared;

namespace LinkSnap.Native;

/// <summary>
/// One method per protocol message (docs/protocol.md), each calling the same service method as the API
/// endpoint that does the same thing, in process: no hop back through HTTP. The services' exceptions
/// become protocol errors by the table in <see cref="ServiceError"/>.
/// </summary>
internal sealed class NativeMessageDispatcher(LinkSnapService service, DaemonState state, LinkSnapPaths paths, NativeLinkMessages links)
{
    /// <summary>Tag suggestions when the message gives no limit.</summary>
    private const int DefaultTagLimit = 200;

    /// <summary>Queue items when the message gives no limit.</summary>
    private const int DefaultRecentLimit = 20;

    public object Dispatch(string type, JsonObject message) => type switch
    {
        MessageTypes.Ping => Ping(),
        // The relay has started the daemon even though `linksnap stop` had stopped it: the answer is ping's.
        MessageTypes.Start => Ping(),
        MessageTypes.Capture => Capture(Read<CaptureRequest>(message)),
        MessageTypes.Status => Status(Read<StatusRequest>(message)),
        MessageTypes.LookupUrl => links.Lookup(Read<LookupUrlRequest>(message)),
        MessageTypes.UpdateLink => links.Update(Read<UpdateLinkRequest>(message)),
        MessageTypes.Tags => Tags(Read<TagsRequest>(message)),
        MessageTypes.OpenLibrary => OpenLibrary(Read<OpenLibraryRequest>(message)),
        MessageTypes.Recent => Recent(Read<RecentRequest>(message)),
        MessageTypes.DefaultTags => new DefaultTagsReply(service.DefaultTags()),
        MessageTypes.SetDefaultTags => new DefaultTagsReply(service.SetDefaultTags(Read<SetDefaultTagsRequest>(message).Tags)),
        _ => throw new NativeException(ErrorCodes.UnknownType, $"unknown message type \"{type}\""),
    };

    private PingReply Ping()
    {
        var (queued, running) = service.QueueCounts();
        return new PingReply(NativeProtocol.Version, StatusEndpoints.Version, paths.DataDirectory, state.LibraryUrl, new QueueCountsDto(queued, running));
    }

    private CaptureReply Capture(CaptureRequest request)
    {
        var ticket = service.Capture(new CaptureInput { Url = request.Url, Tags = request.Tags, UseDefaultTags = request.UseDefaultTags, Note = request.Note, Mode = request.Mode ?? "fresh", Html = request.Html });
        return new CaptureReply(ticket.LinkId, ticket.SnapshotId, SnapshotStatus.Queued);
    }

    private StatusReply Status(StatusRequest request)
    {
        var snapshot = service.GetSnapshot(ApiErrors.ParseId(request.SnapshotId, "snapshot"));
        return new StatusReply(
            snapshot.Id, snapshot.LinkId, snapshot.Url, snapshot.Metadata?.Title, snapshot.Status, snapshot.Stage, snapshot.Reason,
            // The quality guard's flags ({kind, reason, action}), for the popup's "needs attention" and "save as you see it".
            snapshot.Metadata?.Quality?.Flags,
            LinkPage(snapshot.LinkId));
    }

    private TagsReply Tags(TagsRequest request) => new(service.SuggestTags(request.Prefix ?? "", request.Limit ?? DefaultTagLimit));

    private OpenLibraryReply OpenLibrary(OpenLibraryRequest request)
    {
        long? linkId = request.LinkId is { } link ? ApiErrors.ParseId(link, "link")
            : request.SnapshotId is { } snapshot ? service.GetSnapshot(ApiErrors.ParseId(snapshot, "snapshot")).LinkId
            : null;

        // The login link sets the session cookie; the extension then shows pageUrl in the same tab.
        return new OpenLibraryReply(state.LoginUrl ?? state.LibraryUrl, linkId is { } id ? LinkPage(id) : state.LibraryUrl);
    }

    private RecentReply Recent(RecentRequest request) =>
        new([.. service.RecentJobs(request.Limit ?? DefaultRecentLimit).Select(SnapshotDto.From)]);

    private string LinkPage(long linkId) => state.LibraryUrl.TrimEnd('/') + "/links/" + linkId;

    /// <summary>The message as its request type. The relay has checked it against protocol.json; a caller on the socket that skips the relay gets bad-message.</summary>
    private static T Read<T>(JsonObject message)
    {
        try
        {
            return message.Deserialize<T>(SnapshotJson.Options) ?? throw new NativeException(ErrorCodes.BadMessage, "the message is empty");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new NativeException(ErrorCodes.BadMessage, "the message does not fit its type: " + ex.Message);
        }
    }
}
