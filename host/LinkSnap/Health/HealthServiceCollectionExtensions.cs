using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace LinkSnap.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>Link health: options from "Health", the checker (the capture's address rule), the runner and the schedule.</summary>
    public static IServiceCollection AddLinkHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => SchedulePeriods.TryParse(o.Every, out _), "Health:Every must be off, hourly, daily, weekly or monthly.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.HostGap >= TimeSpan.Zero && o.FailureSpan >= TimeSpan.Zero,
                "Health:RequestTimeout must be positive; Health:HostGap and Health:FailureSpan not negative.")
            .ValidateOnStart();
        services.AddSingleton(sp => new HealthChecker(
            sp.GetRequiredService<IOptions<HealthOptions>>().Value,
            sp.GetRequiredService<IOptions<CaptureOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HealthRunner>();
        services.AddSingleton<HealthScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthScheduler>());
        return services;
    }
}
