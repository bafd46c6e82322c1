namespace LinkSnap.Core.Capture;

/// <summary>How a finished capture ended. Every capture ends in one of these, with a reason unless Done.</summary>
public enum CaptureOutcome
{
    Done,

    /// <summary>Something was saved but not everything: a deadline passed, an artifact failed, HTTP error status, challenge page.</summary>
    Partial,

    Failed,
}
