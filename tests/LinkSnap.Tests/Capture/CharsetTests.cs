using System.Text;
using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>Legacy encodings and undeclared pages come out as correct text.</summary>
[TestFixture]
public sealed class CharsetTests : CaptureTestBase
{
    private const string Chinese = "大型语言模型正在改变人们搜索和阅读信息的方式。研究人员认为，本地保存网页快照可以保护个人资料，同时让离线阅读更加方便。这篇文章介绍了如何整理书签和标签。";
    private const string Japanese = "東京の図書館では、古い新聞を電子化する作業が続いています。職員は毎日数百ページを撮影し、検索できる文字に変換しています。";
    private const string Korean = "서울의 작은 서점은 매주 토요일마다 시 낭독회를 연다. 손님들은 좋아하는 시를 한 편씩 골라 읽고 차를 마신다.";

    static CharsetTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Page(string title, string body, string head = "") =>
        $"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>";

    private async Task AssertTextAsync(string path, string contentType, byte[] bytes, string title, string body)
    {
        Server.MapContent(path, contentType, bytes);
        var captured = await CaptureAsync(Server.Url(path));
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo(title));
        Assert.That(captured.Result.ArticleText, Does.Contain(body));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain(body));
    }

    [Test]
    public Task Gbk_page_declared_only_in_a_meta_tag() =>
        AssertTextAsync("/gbk", "text/html", Encoding.GetEncoding("gbk").GetBytes(Page("模型与搜索", Chinese, "<meta charset=\"gb2312\">")), "模型与搜索", Chinese);

    [Test]
    public Task Shift_jis_page_declared_in_the_header() =>
        AssertTextAsync("/sjis", "text/html; charset=Shift_JIS", Encoding.GetEncoding("shift_jis").GetBytes(Page("図書館の電子化", Japanese)), "図書館の電子化", Japanese);

    [Test]
    public Task Euc_kr_page_declared_with_http_equiv() =>
        AssertTextAsync("/euckr", "text/html", Encoding.GetEncoding("euc-kr").GetBytes(
            Page("서점의 낭독회", Korean, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">")), "서점의 낭독회", Korean);

    [Test]
    public Task Utf8_page_without_any_declaration() =>
        AssertTextAsync("/nocharset-utf8", "text/html", Encoding.UTF8.GetBytes(Page("没有声明的页面", Chinese)), "没有声明的页面", Chinese);

    [Test]
    public Task Gbk_page_without_any_declaration_is_detected() =>
        AssertTextAsync("/nocharset-gbk", "text/html", Encoding.GetEncoding("gbk").GetBytes(Page("自动识别编码", Chinese + Chinese)), "自动识别编码", Chinese);
}
