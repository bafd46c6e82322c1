namespace LinkSnap.Library;

/// <summary>The user-capture queue is at its cap (Daemon:MaxQueuedCaptures); the API answers 429.</summary>
public sealed class QueueFullException(int queued, int max)
    : Exception($"{queued} captures are already waiting in the queue; the limit is {max}. Try again when some have finished.")
{
    public int Queued { get; } = queued;

    public int Max { get; } = max;
}
