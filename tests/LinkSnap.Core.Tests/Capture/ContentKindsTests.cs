using System.Text;
using LinkSnap.Core.Capture.Fetching;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Capture;

public sealed class ContentKindsTests
{
    [TestCase("text/html", "html")]
    [TestCase("application/xhtml+xml", "html")]
    [TestCase("application/pdf", "pdf")]
    [TestCase("image/svg+xml", "image")]
    [TestCase("text/plain", "text")]
    [TestCase("application/json", "text")]
    [TestCase("application/zip", "download")]
    public void Declared_types_are_trusted(string mediaType, string kind) =>
        Assert.That(ContentKinds.Classify(mediaType, []), Is.EqualTo(kind));

    [Test]
    public void Missing_or_generic_types_are_sniffed()
    {
        Assert.That(ContentKinds.Classify(null, Encoding.ASCII.GetBytes("%PDF-1.7")), Is.EqualTo("pdf"));
        Assert.That(ContentKinds.Classify("application/octet-stream", [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0]), Is.EqualTo("image"));
        Assert.That(ContentKinds.Classify(null, Encoding.UTF8.GetBytes("  <!DOCTYPE html><p>x")), Is.EqualTo("html"));
        Assert.That(ContentKinds.Classify(null, [1, 2, 3]), Is.EqualTo("download"));
    }

    [Test]
    public void Extensions_come_from_the_type_then_the_name()
    {
        Assert.That(ContentKinds.ExtensionFor("image/jpeg", "photo.jpeg"), Is.EqualTo("jpg"));
        Assert.That(ContentKinds.ExtensionFor("application/x-thing", "backup.tar"), Is.EqualTo("tar"));
        Assert.That(ContentKinds.ExtensionFor(null, "weird.name.$$$"), Is.EqualTo("bin"));
    }

    [Test]
    public void File_name_prefers_content_disposition()
    {
        Assert.That(ContentKinds.FileNameOf(new Uri("http://x/a/b%20c.pdf"), null), Is.EqualTo("b c.pdf"));
        Assert.That(ContentKinds.FileNameOf(new Uri("http://x/download?id=1"), "report.pdf"), Is.EqualTo("report.pdf"));
        Assert.That(ContentKinds.FileNameOf(new Uri("http://x/"), null), Is.Null);
    }
}
