using LinkSnap.Api;
using LinkSnap.Core.Import;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Library;

namespace LinkSnap.Imports;

/// <summary>
/// Imports for the API and the CLI: preview a file, start an import (its plan is saved to
/// imports/ID.jsonl before the import exists, so a restart can always continue it), follow, pause,
/// resume and cancel it. A file that cannot be read throws <see cref="ImportException"/> before
/// anything is written: a failed import changes nothing.
/// </summary>
public sealed class ImportService(LinkStore store, LinkSnapPaths paths, ImportRunner runner, TimeProvider time)
{
    public const string Folder = "imports";

    public ImportPreview Preview(ImportRequest request)
    {
        var plan = Plan(request);
        return ImportPreview.From(request.FileName, plan, store.Imports.CountSavedUrls(plan.Links.Select(l => l.NormalizedUrl)));
    }

    public (ImportProgress Progress, ImportPreview Preview) Start(ImportRequest request)
    {
        var plan = Plan(request);
        var preview = ImportPreview.From(request.FileName, plan, store.Imports.CountSavedUrls(plan.Links.Select(l => l.NormalizedUrl)));
        return (Start(request.FileName, plan, request.Options.NoCapture), preview);
    }

    /// <summary>Starts an import of a plan made elsewhere (a pasted list of URLs too long for the user queue).</summary>
    public ImportProgress Start(string fileName, ImportPlan plan, bool noCapture)
    {
        Directory.CreateDirectory(Path.Combine(paths.DataDirectory, Folder));
        var relative = Path.Combine(Folder, $"{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}{ImportPlanFile.Extension}");
        ImportPlanFile.Write(ImportRunner.PlanFile(paths, relative), plan);
        var id = store.Imports.CreateImport(fileName, plan, noCapture, relative);
        runner.Notify();
        return Get(id);
    }

    public ImportProgress Get(long id)
    {
        var import = store.Imports.GetImport(id) ?? throw new NotFoundException($"There is no import {id}.");
        if (import.Status == ImportStatuses.Capturing && import.Captures.GetValueOrDefault("queued") + import.Captures.GetValueOrDefault("running") == 0)
        {
            store.Imports.SetImportStatus(id, ImportStatuses.Done);
            import = store.Imports.GetImport(id)!;
        }

        return ImportProgress.From(import, time.GetUtcNow());
    }

    public IReadOnlyList<ImportProgress> List() => store.Imports.ListImports().Select(i => Get(i.Id)).ToList();

    /// <summary>The entries of the import's file that could not be imported, with their reasons.</summary>
    public IReadOnlyList<ImportRejection> Invalid(long id)
    {
        var import = store.Imports.GetImport(id) ?? throw new NotFoundException($"There is no import {id}.");
        return ImportPlanFile.ReadRejected(ImportRunner.PlanFile(paths, import.PlanPath));
    }

    /// <summary>The import's captures that failed for good, with their reasons (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<SnapshotDto> Failed(long id, int limit = 200)
    {
        _ = store.Imports.GetImport(id) ?? throw new NotFoundException($"There is no import {id}.");
        return store.Imports.ListImportFailures(id, limit).Select(SnapshotDto.From).ToList();
    }

    /// <summary>pause, resume or cancel.</summary>
    public ImportProgress Act(long id, string action)
    {
        var import = store.Imports.GetImport(id) ?? throw new NotFoundException($"There is no import {id}.");
        var status = action switch
        {
            "pause" => ImportStatuses.Paused,
            "resume" => import.Applied < import.LinkCount ? ImportStatuses.Running : ImportStatuses.Capturing,
            "cancel" => ImportStatuses.Cancelled,
            _ => throw new ArgumentException($"Unknown import action '{action}': use pause, resume or cancel."),
        };
        if (!store.Imports.SetImportStatus(id, status))
        {
            throw new ArgumentException($"Import {id} has ended ({import.Status}); it cannot be {action}d.");
        }

        runner.Notify();
        return Get(id);
    }

    private static ImportPlan Plan(ImportRequest request) =>
        ImportPlanner.Plan(ImportReader.Read(request.Bytes, request.FileName, request.Options), request.Options);
}
