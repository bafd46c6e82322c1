namespace LinkSnap.Bench.Harness;

/// <summary>Creates LinkSnap's capturer for the sections that need one.</summary>
public static class LinkSnapCapturers
{
    public static string MissingReason { get; private set; } = "LinkSnap's capture engine is not available in this build";

    public static Task<ILinkSnapCapturer?> CreateAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _ = context;
        _ = cancellationToken;
        return Task.FromResult<ILinkSnapCapturer?>(new EngineCapturer());
    }
}
