using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Versions;
using LinkSnap.Testing;
using NUnit.Framework;
using SkiaSharp;

namespace LinkSnap.Core.Tests.Versions;

/// <summary>Versions on disk (real files, real PNG decoding) compared, including the incomplete cases.</summary>
public sealed class VersionComparerTests
{
    private TempDirectory _temp = null!;
    private VersionComparer _comparer = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _comparer = new VersionComparer(new SnapshotFolders(new LinkSnapPaths(_temp.Path)));
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void A_text_edit_a_title_change_and_a_swapped_image_are_all_reported()
    {
        var before = Version(1, "Old title", "The archive keeps every page.", Png(400, 300, null));
        var after = Version(2, "New title", "The archive keeps every single page.", Png(400, 300, new SKRectI(40, 60, 140, 110)));

        var result = _comparer.Compare(before, after);

        Assert.That(result.Summary, Is.EqualTo("+1 −0 words, title changed, screenshot 4% changed"));
        Assert.That(result.Text.State, Is.EqualTo(PartState.Compared));
        Assert.That(result.Text.Diff!.Segments.Single(s => s.Op == DiffOp.Insert).Text.Trim(), Is.EqualTo("single"));
        var shot = result.Screenshot!.Diff!;
        Assert.That(shot.ChangedShare, Is.EqualTo(100 * 50 / (400.0 * 300)).Within(0.001));
        Assert.That(shot.Regions, Is.Not.Empty);
        Assert.That(shot.Regions.Min(r => r.X), Is.LessThanOrEqualTo(40));
        Assert.That(shot.Regions.Max(r => r.X + r.Width), Is.GreaterThanOrEqualTo(140));
        Assert.That(shot.Regions.Max(r => r.Y + r.Height), Is.LessThanOrEqualTo(128), "the regions stay near the change");
        var title = result.Metadata.Single(m => m.Field == "title");
        Assert.That((title.Before, title.After, title.Changed), Is.EqualTo(("Old title", "New title", true)));
        Assert.That(result.Notices, Is.Empty);
    }

    [Test]
    public void The_same_page_twice_is_unchanged()
    {
        var result = _comparer.Compare(Version(1, "T", "Same words.", Png(200, 100, null)), Version(2, "T", "Same words.", Png(200, 100, null)));
        Assert.That(result.Summary, Is.EqualTo("unchanged"));
        Assert.That(result.Screenshot!.State, Is.EqualTo(PartState.Unchanged));
    }

    [Test]
    public void A_failed_version_is_named_and_its_metadata_still_compared()
    {
        var failed = Version(2, null, null, null) with { Status = SnapshotStatus.Failed, Reason = "DNS name not found", Folder = null, Artifacts = [] };

        var result = _comparer.Compare(Version(1, "T", "Words.", null), failed);

        Assert.That(result.Text.State, Is.EqualTo(PartState.Missing));
        Assert.That(result.Notices.Single(), Does.Contain("Version 2 failed (DNS name not found)"));
        Assert.That(result.Summary, Does.Contain("version 2 failed"));
        Assert.That(result.Metadata.Single(m => m.Field == "status").After, Is.EqualTo("failed"));
    }

    [Test]
    public void Files_missing_from_disk_are_said_so()
    {
        var gone = Version(2, "T", "Words.", Png(10, 10, null));
        Directory.Delete(Path.Combine(_temp.Path, gone.Folder!), recursive: true);
        var textGone = Version(3, "T", "Words.", null);
        File.Delete(Path.Combine(_temp.Path, textGone.Folder!, ArtifactFiles.ArticleText));

        Assert.That(_comparer.Compare(Version(1, "T", "Words.", null), gone).Notices.Single(), Does.Contain("files of version 2 are missing from disk"));
        var partly = _comparer.Compare(Version(4, "T", "Words.", null), textGone);
        Assert.That(partly.Text.Message, Does.Contain("text of version 3 (article.txt) is missing from disk"));
        Assert.That(partly.Summary, Is.EqualTo("text not compared"));
    }

    [Test]
    public void Pdf_versions_compare_bytes_and_say_so()
    {
        var a = Original(1, "application/pdf", "pdf", "%PDF-1.4 one"u8.ToArray());
        var same = Original(2, "application/pdf", "pdf", "%PDF-1.4 one"u8.ToArray());
        var other = Original(3, "application/pdf", "pdf", "%PDF-1.4 two!"u8.ToArray());

        var unchanged = _comparer.Compare(a, same);
        Assert.That((unchanged.File!.State, unchanged.Summary), Is.EqualTo((PartState.Unchanged, "unchanged")));
        Assert.That(unchanged.Text.State, Is.EqualTo(PartState.NotApplicable));
        var changed = _comparer.Compare(a, other);
        Assert.That(changed.Summary, Is.EqualTo("file changed"));
        Assert.That(changed.File!.Message, Does.Contain("compared the stored files' bytes"));
        Assert.That((changed.File.BeforeBytes, changed.File.AfterBytes), Is.EqualTo((12L, 13L)));
    }

    [Test]
    public void Image_versions_report_their_dimensions()
    {
        var result = _comparer.Compare(Original(1, "image/png", "image", Png(30, 20, null)), Original(2, "image/png", "image", Png(60, 40, null)));
        Assert.That((result.File!.BeforeDimensions, result.File.AfterDimensions), Is.EqualTo(("30×20", "60×40")));
        Assert.That(result.File.Message, Does.Contain("bytes and dimensions"));
    }

    private SnapshotRecord Version(long id, string? title, string? text, byte[]? screenshot)
    {
        var folder = Path.Combine("snapshots", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(_temp.Path, folder));
        var artifacts = new List<ArtifactInfo>();
        if (text is not null)
        {
            File.WriteAllText(Path.Combine(_temp.Path, folder, ArtifactFiles.ArticleText), text);
            artifacts.Add(new ArtifactInfo(ArtifactKinds.ArticleText, ArtifactFiles.ArticleText, ArtifactStatus.Ok, text.Length));
        }

        if (screenshot is not null)
        {
            File.WriteAllBytes(Path.Combine(_temp.Path, folder, ArtifactFiles.Screenshot), screenshot);
            artifacts.Add(new ArtifactInfo(ArtifactKinds.Screenshot, ArtifactFiles.Screenshot, ArtifactStatus.Ok, screenshot.Length));
        }

        return new SnapshotRecord
        {
            Id = id, LinkId = 1, Status = SnapshotStatus.Done, CreatedAt = DateTimeOffset.UnixEpoch.AddDays(id), Folder = folder,
            Metadata = new PageMetadata { Title = title, PageKind = "html", HttpStatus = 200 }, Artifacts = artifacts,
        };
    }

    private SnapshotRecord Original(long id, string contentType, string kind, byte[] bytes)
    {
        var version = Version(id, null, null, null);
        var name = "original." + (kind == "pdf" ? "pdf" : "png");
        File.WriteAllBytes(Path.Combine(_temp.Path, version.Folder!, name), bytes);
        return version with
        {
            Metadata = new PageMetadata { PageKind = kind, ContentType = contentType },
            Artifacts = [new ArtifactInfo(ArtifactKinds.Original, name, ArtifactStatus.Ok, bytes.Length, contentType)],
        };
    }

    private static byte[] Png(int width, int height, SKRectI? redBox)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (redBox is { } box)
            {
                using var paint = new SKPaint { Color = SKColors.Red };
                canvas.DrawRect(box, paint);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
