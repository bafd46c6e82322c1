using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Versions;

namespace LinkSnap.Core.Watching;

/// <summary>
/// Decides whether a re-captured page changed in a way a reader cares about (docs/architecture.md,
/// "What counts as changed"). A page counts as changed when any of these differ:
/// <list type="number">
/// <item>where it ends up (final URL) or its HTTP status;</item>
/// <item>the title or the readable article text, after normalizing: whitespace collapsed and every run
/// of digits made equal, so a clock, a date, a view or comment counter does not count;</item>
/// <item>the images of the article (their addresses in article.html, in order);</item>
/// <item>for a stored file (PDF, image): its bytes;</item>
/// <item>the screenshot, when more than <see cref="ChangedPixelShare"/> of its pixels changed — an
/// advert or a banner outside the article changes a small region and stays below it.</item>
/// </list>
/// Everything else (an ad rotation, a timestamp, a "3 min ago") is "checked, unchanged".
/// </summary>
public sealed partial class ChangeRule(SnapshotFolders folders, double changedPixelShare = ChangeRule.DefaultChangedPixelShare)
{
    public const double DefaultChangedPixelShare = 0.10;

    public double ChangedPixelShare => changedPixelShare;

    public ChangeVerdict Judge(SnapshotRecord before, SnapshotRecord after)
    {
        var a = folders.Resolve(before.Folder!);
        var b = folders.Resolve(after.Folder!);
        var (ma, mb) = (before.Metadata, after.Metadata);
        if (!SameText(ma?.FinalUrl, mb?.FinalUrl) || ma?.HttpStatus != mb?.HttpStatus)
        {
            return new(true, $"the page now answers {mb?.HttpStatus} at {mb?.FinalUrl} (was {ma?.HttpStatus} at {ma?.FinalUrl})");
        }

        if (Normalize(ma?.Title) != Normalize(mb?.Title))
        {
            return new(true, $"title changed to \"{mb?.Title}\"");
        }

        if (File(after, ArtifactKinds.Original) is { } originalB)
        {
            var originalA = File(before, ArtifactKinds.Original);
            return originalA is not null && IdenticalFiles.SameBytes(Path.Combine(a, originalA), Path.Combine(b, originalB))
                ? new(false, "the stored file is byte-identical")
                : new(true, "the stored file changed");
        }

        if (Normalize(ReadText(before, a)) != Normalize(ReadText(after, b)))
        {
            return new(true, "the article text changed");
        }

        if (!ArticleImages(before, a).SequenceEqual(ArticleImages(after, b)))
        {
            return new(true, "the article's images changed");
        }

        var (shotA, shotB) = (File(before, ArtifactKinds.Screenshot), File(after, ArtifactKinds.Screenshot));
        if (shotA is null || shotB is null)
        {
            return new(false, "same title and text; no screenshots to compare");
        }

        var diff = ScreenshotDiff.Compare(Path.Combine(a, shotA), Path.Combine(b, shotB), out var problem);
        if (problem is not null)
        {
            return new(false, $"same title and text; screenshots not compared ({problem})");
        }

        var share = $"{diff.ChangedShare * 100:0.#}% of the screenshot changed";
        return diff.ChangedShare > changedPixelShare
            ? new(true, $"{share} (more than {changedPixelShare * 100:0.#}%)")
            : new(false, $"same title and text; {share}");
    }

    /// <summary>Whitespace collapsed, digit runs made equal.</summary>
    public static string Normalize(string? text) =>
        Whitespace().Replace(Digits().Replace(text ?? "", "0"), " ").Trim();

    private static bool SameText(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    private static string? File(SnapshotRecord record, string kind) =>
        record.Artifacts.FirstOrDefault(x => x.Kind == kind && x.Status == ArtifactStatus.Ok && x.FileName is not null)?.FileName;

    private static string ReadText(SnapshotRecord record, string folder)
    {
        var name = File(record, ArtifactKinds.ArticleText) ?? SnapshotFolders.SearchTextFileName;
        var path = Path.Combine(folder, name);
        return System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : "";
    }

    private static List<string> ArticleImages(SnapshotRecord record, string folder)
    {
        var name = File(record, ArtifactKinds.ArticleHtml);
        if (name is null || !System.IO.File.Exists(Path.Combine(folder, name)))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(Path.Combine(folder, name)));
        return document.Images.Select(i => i.GetAttribute("src") ?? "").ToList();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
