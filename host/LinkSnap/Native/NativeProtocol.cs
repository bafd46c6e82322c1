namespace LinkSnap.Native;

/// <summary>
/// The protocol's message types and error codes as the daemon knows them. The source of truth is
/// extension/shared/protocol.json; NativeProtocolTableTests fail when this list, the JS side or
/// docs/protocol.md drift from it.
/// </summary>
public static class NativeProtocol
{
    public const int Version = 1;

    public static readonly IReadOnlyList<string> MessageTypes =
        ["ping", "start", "capture", "status", "lookup-url", "update-link", "tags", "default-tags", "set-default-tags", "open-library", "recent"];

    public static readonly IReadOnlyList<string> ErrorCodes =
    [
        "bad-frame", "bad-json", "bad-message", "unknown-type", "forbidden-origin", "too-large",
        "reply-too-large", "daemon-unavailable", "daemon-stopped", "invalid-url", "not-found", "queue-full", "internal",
    ];
}
