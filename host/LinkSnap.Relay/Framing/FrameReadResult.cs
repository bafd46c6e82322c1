namespace LinkSnap.Relay.Framing;

internal enum FrameReadKind
{
    Frame,
    Empty,
    EndOfStream,
    Broken,
}

/// <summary>What one read from stdin gave: a frame, an empty frame, the end, or a stream that cannot be resynchronized.</summary>
internal readonly record struct FrameReadResult(FrameReadKind Kind, byte[]? Body, string? Problem)
{
    public static FrameReadResult Frame(byte[] body) => new(FrameReadKind.Frame, body, null);

    public static FrameReadResult Empty() => new(FrameReadKind.Empty, null, "empty frame (length 0)");

    public static FrameReadResult EndOfStream() => new(FrameReadKind.EndOfStream, null, null);

    public static FrameReadResult Broken(string problem) => new(FrameReadKind.Broken, null, problem);
}
