namespace LinkSnap.Native;

/// <summary>The endpoint the relay forwards native-messaging messages to (see docs/protocol.md).</summary>
public static class NativeMessagingSetup
{
    public static IServiceCollection AddNativeMessaging(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapNativeMessaging(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
