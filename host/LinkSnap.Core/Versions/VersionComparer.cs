using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Versions;

/// <summary>
/// Compares two versions of a link from their folders. Every part ends in a state with a reason a
/// person can read (a failed version, a file missing from disk, a PDF that has no article text),
/// so a comparison never fails as a whole because one side is incomplete.
/// </summary>
public sealed class VersionComparer(SnapshotFolders folders)
{
    /// <summary>Article texts above this are not diffed (their size is still compared).</summary>
    public const long MaxTextBytes = 16 * 1024 * 1024;

    /// <param name="screenshots">False for the Versions panel's summaries, which skip the slower pixel comparison.</param>
    public VersionComparison Compare(SnapshotRecord before, SnapshotRecord after, bool screenshots = true)
    {
        var a = new Side(before, before.Folder is null ? null : folders.Resolve(before.Folder));
        var b = new Side(after, after.Folder is null ? null : folders.Resolve(after.Folder));
        var notices = new[] { a, b }.Select(s => s.Unusable).OfType<string>().ToList();
        var text = CompareText(a, b);
        var usable = a.Unusable is null && b.Unusable is null;
        var screenshot = screenshots && usable ? CompareScreenshots(a, b) : null;
        var file = usable && (a.IsOriginal || b.IsOriginal) ? CompareFiles(a, b) : null;
        var metadata = MetadataComparer.Compare(before, after);
        foreach (var message in new[] { text.Message, screenshot?.Message, file?.Message })
        {
            if (message is not null && !notices.Contains(message))
            {
                notices.Add(message);
            }
        }

        var gap = a.Gap ?? b.Gap ?? (text.State is PartState.Missing or PartState.TooLarge ? ("text-not-compared", b.Record.Id) : null);
        var facts = ChangeSummary.Facts(text, screenshot, file, metadata, gap);
        return new VersionComparison
        {
            Before = a.Describe(),
            After = b.Describe(),
            Notices = notices,
            Text = text,
            Screenshot = screenshot,
            File = file,
            Metadata = metadata,
            Changes = facts,
            Summary = ChangeSummary.Describe(facts),
        };
    }

    private static TextComparison CompareText(Side a, Side b)
    {
        if ((a.Unusable ?? b.Unusable) is { } unusable)
        {
            return new TextComparison(PartState.Missing, unusable, null);
        }

        var (textA, problemA) = a.ReadText();
        var (textB, problemB) = b.ReadText();
        if (textA is null || textB is null)
        {
            var problem = problemA ?? problemB!;
            var state = a.IsOriginal && b.IsOriginal ? PartState.NotApplicable : problem.Contains("larger than", StringComparison.Ordinal) ? PartState.TooLarge : PartState.Missing;
            return new TextComparison(state, problem, null);
        }

        var diff = TextDiff.Compare(textA, textB);
        return new TextComparison(diff.Identical ? PartState.Unchanged : PartState.Compared, null, diff);
    }

    private static ScreenshotComparison? CompareScreenshots(Side a, Side b)
    {
        var (fileA, fileB) = (a.File(ArtifactKinds.Screenshot), b.File(ArtifactKinds.Screenshot));
        if (fileA is null && fileB is null)
        {
            return null;
        }

        if (fileA is null || fileB is null || !System.IO.File.Exists(a.PathOf(fileA)) || !System.IO.File.Exists(b.PathOf(fileB)))
        {
            var missing = fileA is null || !System.IO.File.Exists(a.PathOf(fileA)) ? a : b;
            return new ScreenshotComparison(PartState.Missing, $"Version {missing.Record.Id} has no screenshot to compare.", null, fileA, fileB);
        }

        var diff = ScreenshotDiff.Compare(a.PathOf(fileA), b.PathOf(fileB), out var problem);
        var state = problem is not null ? PartState.TooLarge : diff.ChangedShare == 0 ? PartState.Unchanged : PartState.Compared;
        return new ScreenshotComparison(state, problem, problem is null ? diff : null, fileA, fileB);
    }

    private static FileComparison CompareFiles(Side a, Side b)
    {
        var (fileA, fileB) = (a.File(ArtifactKinds.Original), b.File(ArtifactKinds.Original));
        var (pathA, pathB) = (fileA is null ? null : a.PathOf(fileA), fileB is null ? null : b.PathOf(fileB));
        var kinds = $"{a.Record.Metadata?.PageKind ?? "page"} and {b.Record.Metadata?.PageKind ?? "page"}";
        if (pathA is null || pathB is null || !System.IO.File.Exists(pathA) || !System.IO.File.Exists(pathB))
        {
            return new FileComparison(PartState.Missing, $"The stored file of one version is missing ({kinds}); only the metadata is compared.", a.ContentType, b.ContentType, a.Bytes(pathA), b.Bytes(pathB), null, null);
        }

        var same = IdenticalFiles.SameBytes(pathA, pathB);
        var message = a.IsOriginal && b.IsOriginal
            ? $"Not web pages ({kinds}): compared the stored files' bytes{(a.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true ? " and dimensions" : "")}, not their content."
            : $"One version is a web page and the other a stored file ({kinds}): compared sizes and metadata only.";
        return new FileComparison(same ? PartState.Unchanged : PartState.Compared, message, a.ContentType, b.ContentType, a.Bytes(pathA), b.Bytes(pathB), Dimensions(pathA), Dimensions(pathB));
    }

    private static string? Dimensions(string path) => ScreenshotDiff.Dimensions(path) is var (w, h) ? $"{w}×{h}" : null;

    private sealed record Side(SnapshotRecord Record, string? Folder)
    {
        public bool IsOriginal => Record.Metadata?.PageKind is { } kind && kind != "html";

        public string? ContentType => Record.Metadata?.ContentType;

        /// <summary>Why this version has nothing to compare, or null.</summary>
        public string? Unusable =>
            !Record.IsFinished ? $"Version {Record.Id} is still {StorageText.Status(Record.Status)}; compare it when it is finished."
            : Record.Status == SnapshotStatus.Failed ? $"Version {Record.Id} failed ({Record.Reason ?? "no reason recorded"}); it has no content to compare."
            : Folder is null || !Directory.Exists(Folder) ? $"The files of version {Record.Id} are missing from disk; only its metadata is compared."
            : null;

        /// <summary>The same as a code for the summary.</summary>
        public (string Code, long Version)? Gap =>
            !Record.IsFinished ? ("unfinished", Record.Id)
            : Record.Status == SnapshotStatus.Failed ? ("failed", Record.Id)
            : Folder is null || !Directory.Exists(Folder) ? ("missing-files", Record.Id)
            : null;

        public VersionSide Describe() => new(Record.Id, Record.CreatedAt, Record.Status, Record.Reason, Record.Metadata?.PageKind);

        public string? File(string kind) =>
            Record.Artifacts.FirstOrDefault(x => x.Kind == kind && x.Status == ArtifactStatus.Ok && x.FileName is not null)?.FileName;

        public string PathOf(string fileName) => Path.Combine(Folder!, fileName);

        public long Bytes(string? path) => path is not null && System.IO.File.Exists(path) ? new FileInfo(path).Length : 0;

        public (string? Text, string? Problem) ReadText()
        {
            var name = Record.Metadata?.PageKind == "text" ? File(ArtifactKinds.Original)
                : IsOriginal ? null
                : File(ArtifactKinds.ArticleText) ?? (System.IO.File.Exists(PathOf(SnapshotFolders.SearchTextFileName)) ? SnapshotFolders.SearchTextFileName : null);
            if (name is null)
            {
                return (null, IsOriginal
                    ? $"Version {Record.Id} is a {Record.Metadata?.PageKind} file, not a web page: it has no text to compare."
                    : $"Version {Record.Id} has no readable text (no article was found on the page).");
            }

            var path = PathOf(name);
            if (!System.IO.File.Exists(path))
            {
                return (null, $"The text of version {Record.Id} ({name}) is missing from disk.");
            }

            var length = new FileInfo(path).Length;
            return length > MaxTextBytes
                ? (null, $"The text of version {Record.Id} is {length / 1024 / 1024} MB, larger than the {MaxTextBytes / 1024 / 1024} MB compared word by word.")
                : (System.IO.File.ReadAllText(path), null);
        }
    }
}
