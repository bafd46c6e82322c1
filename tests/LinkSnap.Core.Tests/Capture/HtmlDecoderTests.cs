using System.Text;
using LinkSnap.Core.Capture.Fetching;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Capture;

public sealed class HtmlDecoderTests
{
    private const string Chinese = "大型语言模型正在改变人们搜索和阅读信息的方式。研究人员认为，本地保存网页快照可以保护个人资料，同时让离线阅读更加方便。";

    static HtmlDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Test]
    public void Bom_wins_over_everything()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<meta charset=gbk>é")).ToArray();
        var decoded = HtmlDecoder.Decode(bytes, "iso-8859-1", isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("bom"));
        Assert.That(decoded.Text, Is.EqualTo("<meta charset=gbk>é"));
    }

    [Test]
    public void Header_charset_is_used_and_gb2312_means_gbk()
    {
        var decoded = HtmlDecoder.Decode(Encoding.GetEncoding("gbk").GetBytes("<p>" + Chinese + "</p>"), "GB2312", isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("header"));
        Assert.That(decoded.Text, Does.Contain(Chinese));
    }

    [Test]
    public void Meta_charset_is_found_in_the_head()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>図書館</title></head></html>";
        var decoded = HtmlDecoder.Decode(Encoding.GetEncoding("shift_jis").GetBytes(html), null, isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("meta"));
        Assert.That(decoded.Text, Does.Contain("<title>図書館</title>"));
    }

    [Test]
    public void Undeclared_valid_utf8_is_utf8()
    {
        var decoded = HtmlDecoder.Decode(Encoding.UTF8.GetBytes("<p>" + Chinese + "</p>"), null, isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("utf-8-valid"));
        Assert.That(decoded.Text, Does.Contain(Chinese));
    }

    [Test]
    public void Undeclared_gbk_is_detected()
    {
        var decoded = HtmlDecoder.Decode(Encoding.GetEncoding("gbk").GetBytes("<p>" + Chinese + Chinese + "</p>"), null, isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("detected"));
        Assert.That(decoded.Text, Does.Contain(Chinese));
    }

    [Test]
    public void Latin1_label_means_windows_1252()
    {
        var decoded = HtmlDecoder.Decode([0x93, 0x68, 0x69, 0x94], "iso-8859-1", isHtml: false);
        Assert.That(decoded.Text, Is.EqualTo("\u201Chi\u201D"));
    }

    [Test]
    public void Unknown_labels_fall_through()
    {
        var decoded = HtmlDecoder.Decode(Encoding.UTF8.GetBytes("<meta charset=klingon>ok ✓"), "x-nonsense", isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("utf-8-valid"));
    }

    [Test]
    public void Stale_declarations_are_rewritten_to_utf8()
    {
        Assert.That(HtmlDecoder.DeclareUtf8("<head><meta charset=\"gb2312\">"), Is.EqualTo("<head><meta charset=\"utf-8\">"));
        Assert.That(HtmlDecoder.DeclareUtf8("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"),
            Is.EqualTo("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"));
    }

    [Test]
    public void An_ascii_byte_after_a_bad_lead_byte_is_kept_as_browsers_keep_it()
    {
        // 0xC4 opens a GBK pair that '<' cannot end: WHATWG gives U+FFFD and keeps the '<'.
        byte[] bytes = [0x61, 0xC4, 0x3C, 0x2F, 0x62, 0x3E];
        TestContext.Out.WriteLine($".NET's own GBK decoding gives \"{Encoding.GetEncoding("gbk").GetString(bytes)}\"");
        var decoded = HtmlDecoder.Decode(bytes, "gbk", isHtml: false);
        Assert.That(decoded.Text, Is.EqualTo("a\uFFFD</b>"));
        Assert.That(HtmlDecoder.Decode(Encoding.GetEncoding("gbk").GetBytes("<p>" + Chinese + "</p>"), "gbk", isHtml: true).Text,
            Is.EqualTo("<p>" + Chinese + "</p>"), "well-formed GBK decodes as before");
        var gb18030 = Encoding.GetEncoding("gb18030").GetBytes("<p>\U0001F600 €</p>");
        Assert.That(HtmlDecoder.Decode(gb18030, "gb18030", isHtml: true).Text, Is.EqualTo("<p>\U0001F600 €</p>"), "gb18030's four-byte sequences hold digits");
    }

    [Test]
    public void Gb2312_declared_over_utf8_bytes_keeps_the_title_short()
    {
        // Readability's test page "qq" is stored as UTF-8 but still declares gb2312.
        var source = Path.Combine(LinkSnap.Testing.Corpus.RequireDirectory("extraction/readability/pages/qq"), "source.html");
        var decoded = HtmlDecoder.Decode(File.ReadAllBytes(source), null, isHtml: true);
        Assert.That(decoded.Source, Is.EqualTo("meta"));
        var start = decoded.Text.IndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        var end = decoded.Text.IndexOf("</title>", start, StringComparison.Ordinal);
        TestContext.Out.WriteLine($"title: {end - start} characters");
        Assert.That(end - start, Is.InRange(1, 200), "the title ends at its </title>");
    }
}
