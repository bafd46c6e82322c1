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
                && o.ArtifactTimeout > TimeSpan.Zero && o.JobTimeout > TimeSpan.Zero && o.BrowserIdleTimeout > TimeSpan.Zero,
                "Capture timeouts must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaywrightCaptureEngine>();
        services.TryAddSingleton<ICaptureEngine>(sp => sp.GetRequiredService<PlaywrightCaptureEngine>());
        return services;
    }
}
