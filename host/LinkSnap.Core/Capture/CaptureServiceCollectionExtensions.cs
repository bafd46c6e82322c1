using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinkSnap.Core.Capture;

public static class CaptureServiceCollectionExtensions
{
    /// <summary>Registers the capture engine (one per process: it owns the warm browser) with options from "Capture".</summary>
    public static IServiceCollection AddCaptureEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaptureOptions>()
            .Bind(configuration.GetSection(CaptureOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.NavigationTimeout > TimeSpan.Zero && o.SettleTimeout > TimeSpan.Zero
                && o.ArtifactTimeout > TimeSpan.Zero && o.BrowserIdleTimeout > TimeSpan.Zero,
                "Capture timeouts must be positive.")
            .Validate(o => o.JobTimeout >= TimeSpan.FromSeconds(1) && o.JobTimeout <= TimeSpan.FromHours(1),
                "Capture:JobTimeout must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaywrightCaptureEngine>();
        services.TryAddSingleton<ICaptureEngine>(sp => sp.GetRequiredService<PlaywrightCaptureEngine>());
        return services;
    }
}
