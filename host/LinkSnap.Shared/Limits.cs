namespace LinkSnap.Shared;

/// <summary>
/// Limits that more than one process or layer must agree on, each defined once here and documented in
/// docs/configuration.md "Limits". The extension reads the same numbers from extension/shared/protocol.json;
/// ProtocolTableTests fail when the two differ.
/// </summary>
public static class Limits
{
    /// <summary>
    /// An as-seen page's HTML, in UTF-8 bytes (40 MB): the extension refuses a bigger page before sending it,
    /// the relay refuses a longer html field and the service refuses it whichever way it arrives.
    /// </summary>
    public const int MaxHtmlBytes = 40_000_000;

    /// <summary>
    /// One native-messaging frame from the browser (64 MiB, Chromium's own cap), and so also the daemon's
    /// request body limit: the largest request is an as-seen capture, whose JSON carries at most
    /// <see cref="MaxHtmlBytes"/> of HTML plus its escapes. Uploads (imports) raise it for their own route.
    /// </summary>
    public const int MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary>One native-messaging reply to the browser: Chromium refuses more than 1 MB from a host.</summary>
    public const int MaxReplyBytes = 1_000_000;
}
