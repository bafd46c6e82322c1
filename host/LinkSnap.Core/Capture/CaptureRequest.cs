namespace LinkSnap.Core.Capture;

/// <summary>One capture to perform. The URL is already validated as http(s) by the caller.</summary>
public sealed record CaptureRequest
{
    public required Uri Url { get; init; }

    public CaptureMode Mode { get; init; } = CaptureMode.Fresh;

    /// <summary>For <see cref="CaptureMode.AsSeen"/>: the serialized DOM of the user's tab.</summary>
    public string? Html { get; init; }
}
