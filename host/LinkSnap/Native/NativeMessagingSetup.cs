using LinkSnap.Daemon;

namespace LinkSnap.Native;

/// <summary>
/// The endpoint the relay forwards native-messaging messages to (see docs/protocol.md). It exists on the
/// per-user socket only: the socket's file mode is the authorization, so TCP callers get 404.
/// </summary>
public static class NativeMessagingSetup
{
    public const string Route = "/api/native";

    public static IServiceCollection AddNativeMessaging(this IServiceCollection services)
    {
        services.AddSingleton<NativeLinkMessages>();
        services.AddSingleton<NativeMessageDispatcher>();
        services.AddSingleton<NativeMessageHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapNativeMessaging(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, NativeMessageHandler handler)
    {
        if (!DaemonConnection.IsUnixSocket(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var reply = await handler.HandleAsync(context.Request.Body, context.RequestAborted);
        context.Response.ContentType = "application/json";
        // The relay reads the reply by its length (host/LinkSnap.Relay/Daemon/DaemonClient.cs): no chunked encoding.
        context.Response.ContentLength = reply.Length;
        await context.Response.Body.WriteAsync(reply, context.RequestAborted);
    }
}
