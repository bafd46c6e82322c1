using System.IO.Compression;
using System.Text.Json;
using Dapper;
using LinkSnap.Shared;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// Restores a full archive (<see cref="ArchiveExportWriter"/>) into an empty data directory: the
/// files go to a staging folder first, the rows into one transaction, and the staged folders are
/// moved into place just before the commit, so a bad archive leaves the data directory as it was.
/// The daemon must not be running on that directory (the CLI checks).
/// </summary>
public sealed class ArchiveRestorer(LinkSnapPaths paths)
{
    private static readonly string[] RestoredRoots = ["snapshots", "queue"];

    /// <summary>True when <paramref name="file"/> is a zip holding a LinkSnap export document (how `linksnap import` tells an archive from a bookmark file).</summary>
    public static bool IsArchive(string file)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            return zip.GetEntry(ArchiveExportWriter.DocumentName) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="file"/> starts like a zip (PK signature) but cannot be opened as one: cut short or damaged.</summary>
    public static bool IsDamagedZip(string file)
    {
        Span<byte> head = stackalloc byte[2];
        using (var stream = File.OpenRead(file))
        {
            if (stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) < 2 || head[0] != (byte)'P' || head[1] != (byte)'K')
            {
                return false;
            }
        }

        try
        {
            using var zip = ZipFile.OpenRead(file);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    public ArchiveRestoreResult Restore(string archivePath)
    {
        if (!File.Exists(archivePath))
        {
            throw new ArchiveRestoreException($"{archivePath} does not exist.");
        }

        var database = new LinkSnapDatabase(paths.DatabasePath);
        EnsureEmpty(database);
        using var zip = OpenZip(archivePath);
        using var document = ReadDocument(zip, archivePath);
        var links = document.RootElement.GetProperty("links");
        var staging = Path.Combine(paths.DataDirectory, $".restore-{Guid.NewGuid():N}");
        var moved = new List<string>();
        try
        {
            var files = ArchiveFiles.Extract(zip, archivePath, staging);
            paths.EnsureCreated();
            database.Migrate();
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            var rows = new ArchiveRows(connection, transaction, staging);
            var snapshots = 0;
            foreach (var link in links.EnumerateArray())
            {
                snapshots += rows.InsertLink(link);
            }

            rows.InsertSettings(document.RootElement);

            foreach (var root in RestoredRoots)
            {
                var source = Path.Combine(staging, root);
                var target = Path.Combine(paths.DataDirectory, root);
                if (Directory.Exists(source))
                {
                    if (Directory.Exists(target))
                    {
                        Directory.Delete(target, recursive: true); // empty: checked above
                    }

                    Directory.Move(source, target);
                    moved.Add(target);
                }
            }

            transaction.Commit();
            moved.Clear();
            Snapshots.LibrarySettingsFile.Save(database);
            return new ArchiveRestoreResult(links.GetArrayLength(), snapshots, files);
        }
        catch (Exception e) when (e is not ArchiveRestoreException and not OperationCanceledException)
        {
            throw new ArchiveRestoreException($"{archivePath} could not be restored: {e.Message}", e);
        }
        finally
        {
            foreach (var folder in moved)
            {
                Directory.Delete(folder, recursive: true);
            }

            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private void EnsureEmpty(LinkSnapDatabase database)
    {
        if (Directory.Exists(paths.SnapshotsDirectory) && Directory.EnumerateFiles(paths.SnapshotsDirectory, "*", SearchOption.AllDirectories).Any())
        {
            throw NotEmpty("snapshot files");
        }

        if (!File.Exists(paths.DatabasePath))
        {
            return;
        }

        using var connection = database.Open();
        var hasLinks = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'links'") > 0;
        var count = hasLinks ? connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links") : 0;
        if (count > 0)
        {
            throw NotEmpty($"{count} links");
        }
    }

    private ArchiveRestoreException NotEmpty(string what) => new(
        $"The data directory {paths.DataDirectory} is not empty (it holds {what}); an archive is restored only into an empty one. " +
        "Point LINKSNAP_HOME at a new folder, or import bookmarks instead. Nothing was changed.");

    private static ZipArchive OpenZip(string archivePath)
    {
        try
        {
            return ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveRestoreException($"{archivePath} is not a readable zip file (damaged or cut short?): {e.Message} Nothing was changed.", e);
        }
    }

    private static JsonDocument ReadDocument(ZipArchive zip, string archivePath)
    {
        var entry = zip.GetEntry(ArchiveExportWriter.DocumentName)
            ?? throw new ArchiveRestoreException($"{archivePath} is a zip file but not a LinkSnap archive (it has no {ArchiveExportWriter.DocumentName}). Nothing was changed.");
        JsonDocument document;
        try
        {
            using var stream = entry.Open();
            document = JsonDocument.Parse(stream);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            throw new ArchiveRestoreException($"{ArchiveExportWriter.DocumentName} in {archivePath} cannot be read: {e.Message} Nothing was changed.", e);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != JsonExportWriter.FormatName
            || !root.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new ArchiveRestoreException($"{ArchiveExportWriter.DocumentName} in {archivePath} is not a LinkSnap export. Nothing was changed.");
        }

        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var v) || v > JsonExportWriter.Version)
        {
            document.Dispose();
            throw new ArchiveRestoreException($"{archivePath} was written by a newer LinkSnap (format version {version}); update LinkSnap to restore it. Nothing was changed.");
        }

        return document;
    }
}
