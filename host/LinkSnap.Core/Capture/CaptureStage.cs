namespace LinkSnap.Core.Capture;

/// <summary>Progress steps reported while a capture runs (shown in the CLI, the queue view and the extension).</summary>
public enum CaptureStage
{
    Loading,
    Settling,
    Saving,
}
