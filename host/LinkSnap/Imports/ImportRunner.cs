using System.Text.Json;
using LinkSnap.Core.Import;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Jobs;

namespace LinkSnap.Imports;

/// <summary>
/// Adds the links of started imports to the library in batches (each batch one transaction with the
/// import's progress) and hands their captures to the queue as background work. At start it continues
/// any import a stopped or killed daemon left half done, from the batch after the last one committed.
/// </summary>
public sealed class ImportRunner(LinkStore store, LinkSnapPaths paths, LinkJournal journal, CaptureQueue queue, ImportedVersions versions, ILogger<ImportRunner> logger) : BackgroundService
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public static string PlanFile(LinkSnapPaths paths, string relative) => Path.Combine(paths.DataDirectory, relative);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var import in store.Imports.ListImports().Where(i => i.Status == ImportStatuses.Running).OrderBy(i => i.Id))
            {
                try
                {
                    Apply(import, stoppingToken);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
                {
                    logger.LogError(e, "Import {Id} ({File}) cannot go on: its plan file is unreadable", import.Id, import.FileName);
                    store.Imports.SetImportStatus(import.Id, ImportStatuses.Cancelled);
                }
            }

            // A resumed import's queued captures may start again.
            queue.Notify();
            try
            {
                // Every change of an import's status calls Notify: no need to look again until then.
                await _wake.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Apply(ImportRecord import, CancellationToken stoppingToken)
    {
        // The plan is read a page at a time, from the last batch committed before this run (its articles may need writing again).
        using var pages = ImportPlanFile.Open(PlanFile(paths, import.PlanPath));
        var from = Math.Max(0, import.Applied - BatchSize);
        pages.Skip(from);
        RedoLostArticles(import, pages.Read(import.Applied - from));
        var added = import.Applied;
        for (var done = import.Applied; ; done += BatchSize)
        {
            if (stoppingToken.IsCancellationRequested || store.Imports.GetImportStatus(import.Id) != ImportStatuses.Running)
            {
                return; // stopped or paused: the next start or resume continues from here
            }

            var batch = pages.Read(BatchSize);
            if (batch.Count == 0)
            {
                break;
            }

            added = done + batch.Count;
            // links.jsonl after the batch's commit: a crash between the two leaves the links in the database,
            // which reindex keeps as they are when links.jsonl does not know them.
            journal.Serialized(() =>
            {
                var linkIds = store.Imports.ApplyImportBatch(import.Id, batch, done + batch.Count, !import.NoCapture);
                AddImportedArticles(import, batch, linkIds);
                journal.Append(store.GetLinks(linkIds));
            });
            queue.Notify();
        }

        store.Imports.SetImportStatus(import.Id, import.NoCapture ? ImportStatuses.Done : ImportStatuses.Capturing);
        logger.LogInformation("Import {Id} ({File}): {Links} links added", import.Id, import.FileName, added);
    }

    /// <summary>
    /// The articles of the last batch committed before this run (a stopped, paused or killed import), written
    /// again where the library lacks them: the articles are written after their batch's commit (the links must
    /// exist first), so a daemon killed in between has the links without their articles. A version left
    /// unfinished by the kill gets its files; one already finished is left alone, so a resume after a pause
    /// writes nothing twice. Earlier batches finished their articles before the next batch began.
    /// </summary>
    private void RedoLostArticles(ImportRecord import, IReadOnlyList<PlannedLink> lastBatch)
    {
        foreach (var link in lastBatch.Where(l => l.Content is not null))
        {
            var source = link.ContentSource ?? import.Format;
            var (linkId, finished, unfinished) = store.Snapshots.FindImportedVersion(link.NormalizedUrl, source);
            if (linkId is not { } id || finished)
            {
                continue;
            }

            logger.LogInformation("Import {Id}: writing again the article of {Url}, lost when the daemon stopped", import.Id, link.Url);
            Keep(import, link, () => unfinished is { } version
                ? versions.Fill(version, folder => ImportedArticle.Write(folder, link))
                : versions.Add(id, source, link.SavedAt, folder => ImportedArticle.Write(folder, link), ImportedArticle.ContentHash(link)));
        }
    }

    /// <summary>
    /// The articles the export kept (wallabag, Omnivore, Karakeep) become imported versions (none when the link
    /// already has one made from the same content: a repeated import adds nothing), after the batch's
    /// links exist (a daemon killed before they are written gets them back at its next start,
    /// <see cref="RedoLostArticles"/>); one that cannot be written is logged and the import goes on.
    /// </summary>
    private void AddImportedArticles(ImportRecord import, IReadOnlyList<PlannedLink> batch, IReadOnlyList<long> linkIds)
    {
        foreach (var (link, linkId) in batch.Zip(linkIds).Where(pair => pair.First.Content is not null))
        {
            Keep(import, link, () => versions.Add(linkId, link.ContentSource ?? import.Format, link.SavedAt, folder => ImportedArticle.Write(folder, link), ImportedArticle.ContentHash(link)));
        }
    }

    private void Keep(ImportRecord import, PlannedLink link, Func<long?> write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            logger.LogWarning(e, "Import {Id}: the article of {Url} could not be kept as a version", import.Id, link.Url);
        }
    }
}
