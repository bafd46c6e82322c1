using System.Threading.Channels;

namespace LinkSnap.Jobs;

/// <summary>
/// In-process publish/subscribe of job state changes (for /api/events and the native relay). Each
/// subscriber gets its own bounded channel; one that stops reading loses its oldest events rather
/// than slowing the queue down.
/// </summary>
public sealed class JobEvents
{
    private readonly Lock _lock = new();
    private readonly List<Channel<JobEvent>> _subscribers = [];

    public void Publish(JobEvent jobEvent)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(jobEvent);
            }
        }
    }

    /// <summary>Starts receiving events now; dispose the subscription to stop.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<JobEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    public sealed class Subscription(JobEvents owner, Channel<JobEvent> channel) : IDisposable
    {
        public ChannelReader<JobEvent> Reader => channel.Reader;

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
