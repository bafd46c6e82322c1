namespace LinkSnap.Web;

/// <summary>
/// The sandboxed origin on its own loopback port. It serves nothing but snapshot files, each URL
/// carrying the snapshot's capability (this origin has no cookie), always under a CSP that forbids
/// script and every network request, so an archived page can neither act nor phone home.
/// URLs: /s/{snapshotId}/{capability}/{fileName} and /s/{snapshotId}/{capability}/reader/{fileName};
/// which files exist is decided by <see cref="SnapshotFiles"/>, the same rule as the API's files route.
/// </summary>
public sealed class SnapshotOrigin(
    LibrarySession session,
    SnapshotFiles files,
    ReaderPage readerPage)
{
    public const string ContentSecurityPolicy =
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; " +
        "font-src data:; media-src data:; frame-src data:";

    internal async Task HandleAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-cache";

        if (!RequestOrigin.HasLoopbackHost(context))
        {
            await WebResponses.TextAsync(context, StatusCodes.Status421MisdirectedRequest, "Wrong host.");
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await WebResponses.TextAsync(context, StatusCodes.Status405MethodNotAllowed, "Snapshots are read-only.");
            return;
        }

        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isReader = segments.Length == 5 && segments[3] == "reader";
        if (segments.Length is not (4 or 5) || segments[0] != "s" || (segments.Length == 5 && !isReader))
        {
            await WebResponses.TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
            return;
        }

        var snapshotId = segments[1];
        if (!session.IsValidSnapshotCapability(snapshotId, segments[2]))
        {
            await WebResponses.TextAsync(context, StatusCodes.Status403Forbidden, "This snapshot link is not valid.");
            return;
        }

        var fileName = segments[^1];
        var snapshot = files.Find(snapshotId);
        var file = snapshot is null ? null : files.Resolve(snapshot, fileName, asReader: isReader);
        if (file is null)
        {
            await WebResponses.TextAsync(context, StatusCodes.Status404NotFound,
                snapshot is null ? "Unknown snapshot." : $"This snapshot has no file \"{fileName}\" to show.");
            return;
        }

        var path = file.Path;
        if (isReader)
        {
            await readerPage.WriteAsync(context, path);
            return;
        }

        context.Response.ContentType = WebContentTypes.ForFileName(path);
        context.Response.ContentLength = new FileInfo(path).Length;
        await context.Response.SendFileAsync(path, context.RequestAborted);
    }
}
