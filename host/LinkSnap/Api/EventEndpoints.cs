using System.Text.Json;
using LinkSnap.Core.Snapshots;
using LinkSnap.Jobs;

namespace LinkSnap.Api;

/// <summary>GET /api/events: server-sent events, one "job" event per state change, a comment heartbeat every 15 s.</summary>
public static class EventEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events", async (HttpContext context, JobEvents events, IHostApplicationLifetime lifetime) =>
        {
            // End the stream when the daemon stops, or shutdown would wait for every open page.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var cancellationToken = stop.Token;
            using var subscription = events.Subscribe();
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.WriteAsync(": connected\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(Heartbeat);
                    string text;
                    try
                    {
                        var item = await subscription.Reader.ReadAsync(wait.Token);
                        text = $"event: job\ndata: {JsonSerializer.Serialize(item, SnapshotJson.Options)}\n\n";
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        text = ": heartbeat\n\n";
                    }

                    await context.Response.WriteAsync(text, cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away.
            }
        });
    }
}
