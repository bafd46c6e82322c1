using System.Text;
using LinkSnap.Core.Capture.Inlining;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Inlining;

public sealed class SelfContainedHtmlTests
{
    private const string Page = "https://example.test/articles/page.html";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] OtherPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9];
    private static readonly byte[] Font = [0x77, 0x4F, 0x46, 0x32, 0, 1, 0, 0];

    private static SavedCopy Convert(MhtmlBuilder mhtml) =>
        new SavedCopy(SelfContainedHtml.FromMhtml(mhtml.ToString(), new Uri(Page))).AssertSelfContained();

    [Test]
    public void Decodes_a_handwritten_quoted_printable_page_as_utf8()
    {
        const string mhtml = "From: <Saved by Blink>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n"
            + "------B\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "Content-Location: https://example.test/\r\n\r\n"
            + "<html><head><title>Caf=C3=A9</title></head><body><p class=3D\"greeting\">Un caf=\r\n"
            + "=C3=A9 cr=C3=A8me, s'il vous pla=C3=AEt =E2=80=94 =E4=BD=A0=E5=A5=BD</p></body></html>\r\n"
            + "------B--\r\n";

        var copy = new SavedCopy(SelfContainedHtml.FromMhtml(mhtml, new Uri("https://example.test/"))).AssertSelfContained();

        Assert.That(copy.Single("p.greeting").TextContent, Is.EqualTo("Un café crème, s'il vous plaît — 你好"));
        Assert.That(copy.Document.Title, Is.EqualTo("Café"));
        Assert.That(copy.Document.Head!.QuerySelectorAll("meta[charset]").Select(m => m.GetAttribute("charset")), Is.EqualTo(new[] { "utf-8" }));
    }

    [Test]
    public void Decodes_parts_in_a_legacy_charset()
    {
        var mhtml = new MhtmlBuilder(Page, "<html><body><p>简体中文网页</p><p>Ünïcödé</p></body></html>", charset: "gb18030");

        var copy = Convert(mhtml);

        Assert.That(copy.Document.QuerySelectorAll("p").Select(p => p.TextContent), Is.EqualTo(new[] { "简体中文网页", "Ünïcödé" }));
    }

    [Test]
    public void Inlines_a_base64_image_and_blanks_a_missing_one()
    {
        var mhtml = new MhtmlBuilder(Page, "<img id=here src=\"../img/a%20b.png\" alt=A><img id=gone src=\"https://cdn.test/missing.png\" alt=B width=40>")
            .Binary("https://example.test/img/a%20b.png", "image/png", Png);

        var copy = Convert(mhtml);

        Assert.That(copy.Single("#here").GetAttribute("src"), Is.EqualTo("data:image/png;base64," + System.Convert.ToBase64String(Png)));
        var gone = copy.Single("#gone");
        Assert.That(gone.HasAttribute("src"), Is.False);
        Assert.That(gone.GetAttribute("alt"), Is.EqualTo("B"));
        Assert.That(gone.GetAttribute("width"), Is.EqualTo("40"));
    }

    [Test]
    public void Turns_stylesheets_into_style_elements_with_imports_fonts_and_backgrounds_inlined()
    {
        var mhtml = new MhtmlBuilder(Page, """
            <html><head>
            <link rel="stylesheet" href="/css/site.css" media="screen">
            <link rel="preload" href="/css/site.css" as="style">
            <style>h1 { background-image: url( 'bg.png' ) } .x { background: url(/nothere.png) }</style>
            </head><body><h1 style="border-image: url(&quot;bg.png&quot;) 30">Title</h1></body></html>
            """)
            .Text("https://example.test/css/site.css", "text/css", """
                @import "print.css" print;
                @font-face { font-family: "Body"; src: url('fonts/body.woff2') format("woff2"), local(Arial); }
                body { background: url(../articles/bg.png) no-repeat; }
                """)
            .Text("https://example.test/css/print.css", "text/css", "p { background: url(\"../articles/bg.png\") }")
            .Binary("https://example.test/css/fonts/body.woff2", "font/woff2", Font)
            .Binary("https://example.test/articles/bg.png", "image/png", Png);

        var copy = Convert(mhtml);

        var pngUri = "data:image/png;base64," + System.Convert.ToBase64String(Png);
        var styles = copy.Document.QuerySelectorAll("style").ToList();
        Assert.That(styles, Has.Count.EqualTo(2));
        Assert.That(styles[0].GetAttribute("media"), Is.EqualTo("screen"));
        var site = styles[0].TextContent;
        Assert.That(site, Does.Contain("src: url(\"data:font/woff2;base64," + System.Convert.ToBase64String(Font) + "\") format(\"woff2\"), local(Arial)"));
        Assert.That(site, Does.Contain("body { background: url(\"" + pngUri + "\") no-repeat; }"));
        var import = System.Text.RegularExpressions.Regex.Match(site, "@import url\\(\"(data:text/css[^\"]+)\"\\) print;");
        Assert.That(import.Success, site);
        Assert.That(SavedCopy.DataText(import.Groups[1].Value).Trim(), Is.EqualTo("p { background: url(\"" + pngUri + "\") }"));
        Assert.That(styles[1].TextContent, Is.EqualTo("h1 { background-image: url(\"" + pngUri + "\") } .x { background: url(\"data:,\") }"));
        Assert.That(copy.Single("h1").GetAttribute("style"), Is.EqualTo("border-image: url(\"" + pngUri + "\") 30"));
        Assert.That(copy.Document.QuerySelectorAll("link"), Is.Empty);
    }

    [Test]
    public void Collapses_srcset_and_picture_to_the_archived_resource()
    {
        var mhtml = new MhtmlBuilder(Page, """
            <img id=plain src="small.png" srcset="small.png 1x, large.png 2x" sizes="50vw" loading="lazy">
            <picture><source media="(min-width: 900px)" srcset="wide.png"><source srcset="narrow.png 1x, narrow2.png 2x"><img id=pic src="fallback.png"></picture>
            <img id=none srcset="a.png 1x, b.png 2x">
            """)
            .Binary("https://example.test/articles/large.png", "image/png", Png)
            .Binary("https://example.test/articles/narrow2.png", "image/png", OtherPng);

        var copy = Convert(mhtml);

        var plain = copy.Single("#plain");
        Assert.That(SavedCopy.DataBytes(plain.GetAttribute("src")!), Is.EqualTo(Png));
        Assert.That(plain.HasAttribute("srcset") || plain.HasAttribute("sizes") || plain.HasAttribute("loading"), Is.False);
        Assert.That(SavedCopy.DataBytes(copy.Single("#pic").GetAttribute("src")!), Is.EqualTo(OtherPng));
        Assert.That(copy.Document.QuerySelectorAll("source"), Is.Empty);
        Assert.That(copy.Single("#none").HasAttribute("src"), Is.False);
    }

    [Test]
    public void Embeds_frames_as_srcdoc_documents_converted_the_same_way()
    {
        var mhtml = new MhtmlBuilder(Page, "<p>outer</p><iframe id=f src=\"cid:frame-2@mhtml.blink\" loading=lazy></iframe><iframe id=lost src=\"https://ads.test/x\"></iframe>")
            .Frame("frame-2@mhtml.blink", "https://frames.test/inner/index.html", "<p id=inner>inner text</p><img src=\"pic.png\"><script>alert(1)</script><iframe src=\"cid:frame-3@mhtml.blink\"></iframe>")
            .Frame("frame-3@mhtml.blink", "https://frames.test/deeper.html", "<p id=deeper>deeper</p>")
            .Binary("https://frames.test/inner/pic.png", "image/png", Png);

        var copy = Convert(mhtml);

        var inner = copy.Frame("#f").AssertSelfContained();
        Assert.That(inner.Single("#inner").TextContent, Is.EqualTo("inner text"));
        Assert.That(SavedCopy.DataBytes(inner.Single("img").GetAttribute("src")!), Is.EqualTo(Png));
        Assert.That(inner.Frame("iframe").AssertSelfContained().Single("#deeper").TextContent, Is.EqualTo("deeper"));
        var lost = copy.Single("#lost");
        Assert.That(lost.HasAttribute("src") || lost.HasAttribute("srcdoc"), Is.False);
    }

    /// <summary>Issue 18 item 9a: a frame whose load failed is archived as Chromium's error document; the copy keeps the slot empty.</summary>
    [Test]
    public void Leaves_a_frame_empty_whose_archived_document_is_the_browsers_network_error_page()
    {
        var mhtml = new MhtmlBuilder(Page, "<iframe id=failed src=\"cid:frame-e@mhtml.blink\"></iframe><iframe id=fine src=\"cid:frame-f@mhtml.blink\"></iframe>")
            .Frame("frame-e@mhtml.blink", "chrome-error://chromewebdata/", "<body class=\"neterror\"><h1>This site can’t be reached</h1><p>ERR_TUNNEL_CONNECTION_FAILED</p></body>")
            .Frame("frame-f@mhtml.blink", "https://frames.test/fine.html", "<p id=fine-text>fine</p>");

        var result = SelfContainedHtml.Convert(mhtml.ToString(), new Uri(Page), new InliningOptions());

        var copy = new SavedCopy(result.Html);
        var failed = copy.Single("#failed");
        Assert.That(failed.HasAttribute("src") || failed.HasAttribute("srcdoc"), Is.False, result.Html);
        Assert.That(result.Html, Does.Not.Contain("ERR_TUNNEL_CONNECTION_FAILED"));
        Assert.That(copy.Frame("#fine").Single("#fine-text").TextContent, Is.EqualTo("fine"));
        Assert.That(result.Stats.FramesInlined, Is.EqualTo(1));
    }

    [Test]
    public void Removes_the_mark_the_eager_image_pass_leaves_on_a_swapped_placeholder()
    {
        var mhtml = new MhtmlBuilder(Page, $"<img id=photo src=\"photo.png\" data-src=\"photo.png\" {SnapshotPreparation.PlaceholderAttribute}=\"/placeholder.png\">")
            .Binary("https://example.test/articles/photo.png", "image/png", Png);

        var copy = Convert(mhtml);

        Assert.That(copy.Single("#photo").HasAttribute(SnapshotPreparation.PlaceholderAttribute), Is.False);
        Assert.That(SavedCopy.DataBytes(copy.Single("#photo").GetAttribute("src")!), Is.EqualTo(Png));
    }

    [Test]
    public void Stops_embedding_frames_past_the_depth_limit()
    {
        var mhtml = new MhtmlBuilder(Page, "<iframe src=\"cid:a\"></iframe>")
            .Frame("a", "https://example.test/a", "<p>a</p><iframe src=\"cid:b\"></iframe>")
            .Frame("b", "https://example.test/b", "<p>b</p>");

        var result = SelfContainedHtml.Convert(mhtml.ToString(), new Uri(Page), new InliningOptions { MaxFrameDepth = 1 });

        var a = new SavedCopy(result.Html).Frame("iframe");
        Assert.That(a.Single("p").TextContent, Is.EqualTo("a"));
        Assert.That(a.Single("iframe").HasAttribute("srcdoc"), Is.False);
        Assert.That(result.Stats.FramesInlined, Is.EqualTo(1));
    }

    [Test]
    public void Removes_scripts_handlers_script_urls_refresh_base_and_prefetching()
    {
        var mhtml = new MhtmlBuilder(Page, """
            <html><head>
            <base href="https://elsewhere.test/dir/">
            <meta http-equiv="refresh" content="0; url=https://evil.test/">
            <meta http-equiv="Content-Security-Policy" content="img-src https:">
            <link rel="modulepreload" href="app.js"><link rel="dns-prefetch" href="//cdn.test"><link rel="preconnect" href="https://cdn.test">
            <link rel="prefetch" href="next.html"><link rel="manifest" href="app.webmanifest"><link rel="canonical" href="/canon">
            <script src="app.js"></script><script>document.write('<p id=written>')</script>
            </head><body onload="steal()">
            <a id=js href="  JaVaScRiPt:alert(1)">click</a><a id=rel href="other.html" ping="https://track.test/">other</a><a id=frag href="#top">top</a>
            <button onclick="go()" formaction="https://evil.test/">b</button>
            <form id=form action="https://evil.test/post"><input name=q></form>
            <svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>t</text></a><set attributeName="href" to="javascript:alert(3)"/></svg>
            <noscript><p id=fallback>Please enable JavaScript</p></noscript>
            <object data="movie.swf"><p id=objfallback>no plugin</p></object><embed src="movie.swf">
            <p>content</p>
            </body></html>
            """);

        var result = SelfContainedHtml.Convert(mhtml.ToString(), new Uri(Page), new InliningOptions());
        var copy = new SavedCopy(result.Html).AssertSelfContained();

        Assert.That(copy.Document.QuerySelector("#written, #fallback"), Is.Null);
        Assert.That(copy.Single("#objfallback").TextContent, Is.EqualTo("no plugin"));
        Assert.That(copy.Single("#js").HasAttribute("href"), Is.False);
        // <base> pointed elsewhere: links resolve against it, as they did on the live page.
        Assert.That(copy.Single("#rel").GetAttribute("href"), Is.EqualTo("https://elsewhere.test/dir/other.html"));
        Assert.That(copy.Single("#rel").HasAttribute("ping"), Is.False);
        Assert.That(copy.Single("#frag").GetAttribute("href"), Is.EqualTo("#top"));
        Assert.That(copy.Single("#form").HasAttribute("action"), Is.False);
        Assert.That(copy.Single("button").HasAttribute("formaction"), Is.False);
        Assert.That(copy.Document.QuerySelectorAll("link").Select(l => l.GetAttribute("rel") + " " + l.GetAttribute("href")),
            Is.EqualTo(new[] { "canonical https://elsewhere.test/canon" }));
        Assert.That(copy.Document.QuerySelectorAll("meta[http-equiv]").Select(m => m.GetAttribute("http-equiv")), Is.EqualTo(new[] { "Content-Security-Policy" }));
        Assert.That(copy.Document.QuerySelectorAll("set"), Is.Empty);
        Assert.That(result.Stats.ScriptsRemoved, Is.GreaterThanOrEqualTo(6));
    }

    [Test]
    public void Shows_noscript_content_when_the_page_has_nothing_else()
    {
        var mhtml = new MhtmlBuilder(Page, "<body><div id=app></div><noscript><p id=fallback>Static version</p><img src=\"s.png\"></noscript></body>")
            .Binary("https://example.test/articles/s.png", "image/png", Png);

        var copy = Convert(mhtml);

        Assert.That(copy.Single("#fallback").TextContent, Is.EqualTo("Static version"));
        Assert.That(SavedCopy.DataBytes(copy.Single("img").GetAttribute("src")!), Is.EqualTo(Png));
    }

    [Test]
    public void Inlines_icons_posters_svg_images_and_table_backgrounds()
    {
        var mhtml = new MhtmlBuilder(Page, """
            <head><link rel="icon" href="/favicon.ico"><link rel="apple-touch-icon" href="/missing.png"></head>
            <body><video poster="poster.png" src="movie.mp4"><source src="movie.webm"><track src="subs.vtt"></video>
            <input type="image" src="btn.png">
            <table background="poster.png"><tr><td>x</td></tr></table>
            <svg><image href="poster.png"/><use href="sprite.svg#icon"/><use href="#local"/><rect fill="url(#grad)"/></svg>
            </body>
            """)
            .Binary("https://example.test/favicon.ico", "image/x-icon", Png)
            .Binary("https://example.test/articles/poster.png", "image/png", Png)
            .Binary("https://example.test/articles/btn.png", "image/png", OtherPng);

        var copy = Convert(mhtml);

        Assert.That(copy.Document.QuerySelectorAll("link").Select(l => l.GetAttribute("rel")), Is.EqualTo(new[] { "icon" }));
        Assert.That(SavedCopy.DataBytes(copy.Single("video").GetAttribute("poster")!), Is.EqualTo(Png));
        Assert.That(copy.Single("video").HasAttribute("src"), Is.False);
        Assert.That(copy.Document.QuerySelectorAll("video source, video track"), Is.Empty);
        Assert.That(SavedCopy.DataBytes(copy.Single("input").GetAttribute("src")!), Is.EqualTo(OtherPng));
        Assert.That(copy.Single("table").GetAttribute("background"), Does.StartWith("data:image/png"));
        Assert.That(copy.Single("svg image").GetAttribute("href"), Does.StartWith("data:image/png"));
        Assert.That(copy.Document.QuerySelectorAll("svg use").Select(u => u.GetAttribute("href")), Is.EqualTo(new string?[] { null, "#local" }));
        Assert.That(copy.Single("rect").GetAttribute("fill"), Is.EqualTo("url(\"#grad\")"));
    }

    [Test]
    public void Starts_the_head_with_the_policy_and_records_the_origin()
    {
        var html = SelfContainedHtml.FromMhtml(new MhtmlBuilder(Page, "<!DOCTYPE html><title>t</title><p>x").ToString(), new Uri(Page));

        Assert.That(html, Does.StartWith("<!DOCTYPE html><!-- Saved by LinkSnap from " + Page + " at 2026-11-28T17:00:00Z --><html><head><meta http-equiv=\"Content-Security-Policy\""));
        var copy = new SavedCopy(html);
        Assert.That(copy.Single("meta[name='linksnap:source-url']").GetAttribute("content"), Is.EqualTo(Page));
        Assert.That(copy.Single("meta[name='linksnap:captured-at']").GetAttribute("content"), Is.EqualTo("2026-11-28T17:00:00Z"));
    }

    [Test]
    public void Stores_a_large_image_used_by_many_rules_once_per_document()
    {
        var sprite = new byte[3000];
        new Random(7).NextBytes(sprite);
        var css = string.Join("\n", Enumerable.Range(0, 20).Select(i => $".i{i} {{ background: url(sprite.png) -{i * 16}px 0; }}"))
            + "\n@font-face { font-family: F; src: url(sprite.png); }";
        var mhtml = new MhtmlBuilder(Page, "<link rel=stylesheet href=\"s.css\"><p class=i3 style=\"background-image:url(sprite.png)\">x</p><iframe src=\"cid:f\"></iframe>")
            .Text("https://example.test/articles/s.css", "text/css", css)
            .Frame("f", "https://example.test/articles/f.html", "<link rel=stylesheet href=\"s.css\"><p class=i1>in frame</p>")
            .Binary("https://example.test/articles/sprite.png", "image/png", sprite);

        var copy = Convert(mhtml);

        var dataUri = "data:image/png;base64," + System.Convert.ToBase64String(sprite);
        Assert.That(CountOf(copy.Html, dataUri), Is.EqualTo(4), "per document (page and frame): once in :root, once in @font-face (where var() is not allowed)");
        Assert.That(copy.Document.Head!.QuerySelector("style")!.TextContent, Is.EqualTo(":root {--linksnap-0: url(\"" + dataUri + "\");}"));
        Assert.That(copy.Html, Does.Contain(".i19 { background: var(--linksnap-0) -304px 0; }"));
        Assert.That(copy.Single("p").GetAttribute("style"), Is.EqualTo("background-image:var(--linksnap-0)"));
        var frame = copy.Frame("iframe");
        Assert.That(frame.Document.Head!.QuerySelector("style")!.TextContent, Does.StartWith(":root {--linksnap-0: url(\"data:image/png;base64,"));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Test]
    public void Uses_the_marks_left_by_snapshot_preparation()
    {
        var mhtml = new MhtmlBuilder(Page, """
            <img id=marked alt=x data-linksnap-current-src="https://example.test/articles/s.png">
            <div id=host data-linksnap-shadow-css="p { background: url(&quot;s.png&quot;); }"><template shadowmode="open"><p>in shadow</p></template></div>
            """)
            .Binary("https://example.test/articles/s.png", "image/png", Png);

        var html = SelfContainedHtml.FromMhtml(mhtml.ToString(), new Uri(Page));

        var copy = new SavedCopy(html);
        Assert.That(SavedCopy.DataBytes(copy.Single("#marked").GetAttribute("src")!), Is.EqualTo(Png));
        Assert.That(html, Does.Not.Contain("data-linksnap"));
        Assert.That(html, Does.Contain("<template shadowrootmode=\"open\"><style>p { background: url(\"data:image/png;base64,"));
    }

    [Test]
    public void Refuses_text_that_is_not_mhtml()
    {
        Assert.Throws<FormatException>(() => SelfContainedHtml.FromMhtml("", new Uri(Page)));
        Assert.Throws<FormatException>(() => SelfContainedHtml.FromMhtml("From: x\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b--\r\n", new Uri(Page)));
    }

    [Test]
    public void Processes_declarative_shadow_roots()
    {
        var mhtml = new MhtmlBuilder(Page, "<div id=host><template shadowrootmode=\"open\"><style>p{background:url(s.png)}</style><p>in shadow</p><img src=\"s.png\" onerror=\"x()\"></template></div>")
            .Binary("https://example.test/articles/s.png", "image/png", Png);

        var html = SelfContainedHtml.FromMhtml(mhtml.ToString(), new Uri(Page));

        Assert.That(html, Does.Contain("in shadow"));
        Assert.That(html, Does.Contain("<template shadowrootmode=\"open\">"));
        Assert.That(html, Does.Not.Contain("s.png").And.Not.Contain("onerror"));
        Assert.That(html, Does.Contain("url(\"data:image/png;base64,"));
    }
}
