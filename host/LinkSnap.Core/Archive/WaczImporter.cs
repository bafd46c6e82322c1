using System.Globalization;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Archive;

/// <summary>
/// `linksnap import FILE.wacz`: each page of the WACZ's pages.jsonl becomes a link (found or created,
/// no capture queued) with an imported version (<see cref="ImportedVersions"/>) whose archive.wacz
/// holds that page's records exactly as the source WACZ had them, so exporting it again gives the
/// same records.
/// </summary>
public sealed class WaczImporter(LinkStore store, ImportedVersions versions, LinkJournal journal, TimeProvider time)
{
    public async Task<WaczImportResult> ImportAsync(string waczPath, IReadOnlyList<string> tags, string scratchFolder, CancellationToken cancellationToken)
    {
        var source = await WaczSource.ReadAsync(waczPath, cancellationToken);
        var from = SourceName(source.Software);
        var skipped = source.Skipped.ToList();
        var imported = new List<WaczImportedPage>();
        Directory.CreateDirectory(scratchFolder);
        foreach (var page in source.Pages)
        {
            if (!Uri.TryCreate(page.Page.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                skipped.Add(new WaczSkippedPage(page.Page.Url, "not an http or https page"));
                continue;
            }

            var savedAt = DateTimeOffset.TryParse(page.Page.Ts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts : (DateTimeOffset?)null;
            var temp = Path.Combine(scratchFolder, $"{Guid.NewGuid():N}.wacz");
            try
            {
                await WaczPageArchive.WriteAsync(page, temp, source.Software, savedAt ?? time.GetUtcNow(), cancellationToken);
                var (linkId, created) = store.EnsureLink(url, page.Page.Title, tags, savedAt);
                var version = versions.Add(linkId, from, savedAt, folder => Content(temp, folder, page.Page));
                journal.Append(store.GetLinks([linkId]));
                imported.Add(new WaczImportedPage(page.Page.Url, linkId, version, created, page.Members.Count));
            }
            finally
            {
                File.Delete(temp);
            }
        }

        return new WaczImportResult(from, imported, skipped);
    }

    /// <summary>The name a person reads on the version ("imported from WACZ (ArchiveWeb.page)").</summary>
    public static string SourceName(string software) =>
        software.Contains("ArchiveWeb.page", StringComparison.OrdinalIgnoreCase) ? "WACZ (ArchiveWeb.page)"
        : software.Contains("Browsertrix", StringComparison.OrdinalIgnoreCase) ? "WACZ (Browsertrix)"
        : software.StartsWith("LinkSnap", StringComparison.OrdinalIgnoreCase) ? "WACZ (LinkSnap)"
        : "WACZ";

    private static ImportedContent Content(string temp, string folder, WaczPage page)
    {
        var target = Path.Combine(folder, ArtifactFiles.Wacz);
        File.Move(temp, target);
        return new ImportedContent
        {
            Artifacts = [new ArtifactInfo(ArtifactKinds.Wacz, ArtifactFiles.Wacz, ArtifactStatus.Ok, new FileInfo(target).Length, "application/wacz+zip")],
            Metadata = new PageMetadata { Title = page.Title },
            SearchText = page.Text,
        };
    }
}

/// <summary>What an import of a WACZ did: the pages it imported and the ones it could not, with reasons.</summary>
public sealed record WaczImportResult(string ImportedFrom, IReadOnlyList<WaczImportedPage> Imported, IReadOnlyList<WaczSkippedPage> Skipped);

/// <summary>One imported page: its link (new or already saved), its imported version and how many records it holds.</summary>
public sealed record WaczImportedPage(string Url, long LinkId, long? SnapshotId, bool NewLink, int Records);
