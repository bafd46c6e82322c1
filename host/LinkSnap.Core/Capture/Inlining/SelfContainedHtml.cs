namespace LinkSnap.Core.Capture.Inlining;

// STUB owned by the "inliner" helper: it is replaced by the real implementation when that branch
// lands (take theirs on conflict). Until then the HTML copy artifact fails and captures are Partial.
public static class SelfContainedHtml
{
    public static string FromMhtml(string mhtml, Uri pageUrl) =>
        throw new NotImplementedException("The self-contained HTML inliner is not available in this build.");
}
