using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture;
using LinkSnap.Shared;

namespace LinkSnap.Core.Export;

/// <summary>
/// The web-archive export: every snapshot of the selected links as a page of one WACZ with one
/// index. Fresh captures bring their archive.wacz records unchanged; as-seen captures, which had
/// no HTTP exchange, bring their saved page as a marked resource record (<see cref="WaczMerger"/>).
/// </summary>
internal static class WaczExportWriter
{
    public static async Task WriteAsync(IEnumerable<ExportLink> links, LinkSnapPaths paths, Stream output, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var stem = Path.Combine(paths.DataDirectory, $".export-{Guid.NewGuid():N}");
        var wacz = stem + ".wacz";
        try
        {
            using var merger = new WaczMerger(stem + ".warc.gz");
            foreach (var link in links)
            {
                foreach (var snapshot in link.Snapshots)
                {
                    if (snapshot.GetValueOrDefault("folder") is not string relative)
                    {
                        continue;
                    }

                    var folder = Path.GetFullPath(Path.Combine(paths.DataDirectory, relative));
                    if (!folder.StartsWith(Path.GetFullPath(paths.DataDirectory), StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var archive = Path.Combine(folder, ArtifactFiles.Wacz);
                    var page = Path.Combine(folder, ArtifactFiles.Html);
                    if (File.Exists(archive))
                    {
                        await merger.AddWaczAsync(archive, cancellationToken);
                    }
                    else if (snapshot.GetValueOrDefault("mode") as string == "as-seen" && File.Exists(page))
                    {
                        var text = Path.Combine(folder, ArtifactFiles.ArticleText);
                        merger.AddAsSeen(link.Url, SavedAt(snapshot, link), snapshot.GetValueOrDefault("title") as string ?? link.Title,
                            File.Exists(text) ? await File.ReadAllTextAsync(text, cancellationToken) : null, await File.ReadAllBytesAsync(page, cancellationToken));
                    }
                }
            }

            await merger.WriteAsync(wacz, new WaczInfo($"LinkSnap export ({merger.Pages} pages)", exportedAt, WaczCapture.Software), cancellationToken);
            await using var file = File.OpenRead(wacz);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(wacz);
        }
    }

    private static DateTimeOffset SavedAt(IReadOnlyDictionary<string, object?> snapshot, ExportLink link) =>
        snapshot.GetValueOrDefault("created_at") is string created ? Storage.StorageText.ParseTime(created) : link.SavedAt;
}
