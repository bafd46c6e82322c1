namespace LinkSnap.Core.Archive;

/// <summary>
/// One HTTP request and its response as the capture saw them: from the engine's own fetch of the
/// main document (each redirect hop) or from the browser's network events.
/// </summary>
public sealed record HttpExchange
{
    public required Uri Url { get; init; }
    public string Method { get; init; } = "GET";
    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }
    public byte[]? RequestBody { get; init; }

    public required int Status { get; init; }
    public string? StatusText { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>When the request was sent.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The server's address, when the capture knows it.</summary>
    public string? IpAddress { get; init; }
}
