using LinkSnap.Core.Watching;

namespace LinkSnap.Watch;

public static class WatchServiceCollectionExtensions
{
    /// <summary>Watched links: the store, the judge and the scheduler (a hosted service).</summary>
    public static IServiceCollection AddWatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection(WatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WatchStore>();
        services.AddSingleton<WatchJudge>();
        services.AddSingleton<WatchScheduler>();
        services.AddSingleton<LinkWatchService>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchScheduler>());
        return services;
    }
}
