using System.Reflection;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture.Inlining;

namespace LinkSnap.Core.Capture;

/// <summary>
/// The web archive of one fresh capture: the WARC is written while the capture runs (see
/// <see cref="CaptureArchive"/>), then the screenshot, PDF and a metadata record (timings,
/// requests not stored) are added and everything is packaged as the artifact archive.wacz.
/// </summary>
internal sealed class WaczCapture : IDisposable
{
    private readonly string _outputDirectory;
    private readonly TimeProvider _time;

    private WaczCapture(CaptureOptions options, string outputDirectory, TimeProvider time)
    {
        _outputDirectory = outputDirectory;
        _time = time;
        Directory.CreateDirectory(outputDirectory);
        var limits = new ArchiveLimits(new InliningOptions().MaxResourceBytes, options.MaxArchiveMegabytes * 1024L * 1024L);
        Archive = new CaptureArchive(Path.Combine(outputDirectory, WarcWriter.FileName + ".tmp"), limits, time.GetUtcNow(), new Dictionary<string, string>
        {
            ["software"] = Software,
            ["format"] = "WARC File Format 1.1",
            ["isPartOf"] = "LinkSnap fresh capture",
            ["settings"] = $"viewport={options.ViewportWidth}x{options.ViewportHeight}; settle-timeout={options.SettleTimeout.TotalSeconds:0}s; max-archive={options.MaxArchiveMegabytes}MB",
        });
    }

    public static string Software { get; } = "LinkSnap " + (typeof(WaczCapture).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev");

    public CaptureArchive Archive { get; }

    public static WaczCapture Start(CaptureOptions options, string outputDirectory, TimeProvider time) => new(options, outputDirectory, time);

    public async Task FinishAsync(ArtifactRecorder recorder, PageMetadata metadata, string? text, CancellationToken cancellationToken)
    {
        var page = metadata.FinalUrl ?? "";
        var now = _time.GetUtcNow();
        await AddFileAsync(recorder, ArtifactKinds.Screenshot, "urn:linksnap:screenshot:" + page, "image/png", now, cancellationToken);
        await AddFileAsync(recorder, ArtifactKinds.Pdf, "urn:linksnap:pdf:" + page, "application/pdf", now, cancellationToken);
        Archive.AddMetadata("urn:linksnap:capture:" + page, new
        {
            page,
            timingsMs = recorder.Timings,
            notStored = Archive.Notes,
            partial = Archive.PartialReason,
        }, now);
        Archive.Complete();

        var pages = new[]
        {
            new WaczPage { Id = Guid.NewGuid().ToString("N"), Url = page, Ts = WaczPage.FormatTs(Archive.Created), Title = metadata.Title, Text = text },
        };
        var path = Path.Combine(_outputDirectory, ArtifactFiles.Wacz);
        await WaczPackager.WriteAsync(path, Archive.WarcPath, Archive.Index, pages,
            new WaczInfo(metadata.Title ?? page, Archive.Created, Software, Archive.PartialReason), cancellationToken);
        recorder.Saved(new ArtifactInfo(ArtifactKinds.Wacz, ArtifactFiles.Wacz, ArtifactStatus.Ok, new FileInfo(path).Length, "application/wacz+zip",
            Archive.PartialReason is null ? null : "partial: " + Archive.PartialReason));
    }

    private async Task AddFileAsync(ArtifactRecorder recorder, string kind, string uri, string contentType, DateTimeOffset date, CancellationToken cancellationToken)
    {
        if (recorder.Artifacts.FirstOrDefault(a => a.Kind == kind && a.Status == ArtifactStatus.Ok)?.FileName is { } file)
        {
            Archive.AddResource(uri, contentType, await File.ReadAllBytesAsync(Path.Combine(_outputDirectory, file), cancellationToken), date);
        }
    }

    public void Dispose()
    {
        Archive.Dispose();
        File.Delete(Archive.WarcPath);
    }
}
