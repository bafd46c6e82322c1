using System.Text;
using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>PDF, image, text and other downloads are stored as themselves.</summary>
[TestFixture]
public sealed class NonHtmlTests : CaptureTestBase
{
    [Test]
    public async Task Pdf_is_stored_as_itself()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        Server.MapContent("/papers/annual-report.pdf", "application/pdf", pdf);
        var captured = await CaptureAsync(Server.Url("/papers/annual-report.pdf"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Artifact(ArtifactKinds.Original).FileName, Is.EqualTo("original.pdf"));
        Assert.That(captured.Bytes(ArtifactKinds.Original), Is.EqualTo(pdf));
        var m = captured.Result.Metadata;
        Assert.That(m.PageKind, Is.EqualTo("pdf"));
        Assert.That(m.Title, Is.EqualTo("annual-report.pdf"));
        Assert.That(m.ContentType, Is.EqualTo("application/pdf"));
        Assert.That(m.ContentBytes, Is.EqualTo(pdf.Length));
        Assert.That(m.ContentHash, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
    }

    [Test]
    public async Task Image_is_stored_as_itself_with_a_thumbnail()
    {
        Server.MapContent("/pictures/sky.png", "image/png", Fixtures.BluePng);
        var captured = await CaptureAsync(Server.Url("/pictures/sky.png"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Artifact(ArtifactKinds.Original).FileName, Is.EqualTo("original.png"));
        Assert.That(captured.Bytes(ArtifactKinds.Original), Is.EqualTo(Fixtures.BluePng));
        Assert.That(captured.Result.Metadata.PageKind, Is.EqualTo("image"));
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo("sky.png"));
        var thumbnail = captured.Bytes(ArtifactKinds.Thumbnail);
        Assert.That(Encoding.ASCII.GetString(thumbnail, 8, 4), Is.EqualTo("WEBP"));
    }

    [Test]
    public async Task Plain_text_is_stored_as_itself_and_searchable()
    {
        const string text = "Shopping list\n- sourdough bread\n- 苹果 and pears\n";
        Server.MapContent("/notes/list.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));
        var captured = await CaptureAsync(Server.Url("/notes/list.txt"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Text(ArtifactKinds.Original), Is.EqualTo(text));
        Assert.That(captured.Artifact(ArtifactKinds.Original).FileName, Is.EqualTo("original.txt"));
        Assert.That(captured.Result.ArticleText, Does.Contain("苹果 and pears"));
        Assert.That(captured.Result.Metadata.PageKind, Is.EqualTo("text"));
    }

    [Test]
    public async Task Unknown_download_keeps_its_extension()
    {
        var bytes = new byte[] { 1, 2, 3, 4, 5 };
        Server.Map("/files/data", async ctx =>
        {
            ctx.Response.ContentType = "application/x-custom";
            ctx.Response.Headers.ContentDisposition = "attachment; filename=\"backup.tar\"";
            await ctx.Response.Body.WriteAsync(bytes);
        });
        var captured = await CaptureAsync(Server.Url("/files/data"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.PageKind, Is.EqualTo("download"));
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo("backup.tar"));
        Assert.That(captured.Artifact(ArtifactKinds.Original).FileName, Is.EqualTo("original.tar"));
        Assert.That(captured.Bytes(ArtifactKinds.Original), Is.EqualTo(bytes));
    }
}
