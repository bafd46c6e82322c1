using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Issue 18: the article text of Chinese pages, in the shapes the zh-cwced-dev pages showed (the
/// fixtures reproduce their structure; docs/benchmarks.md has the figures): a short news item on a
/// portal keeps the item, not the portal's menus; an old table-layout portal's headline tables and the
/// site's legal notice inside the article container are not article text; a blog post of photos and
/// text without paragraphs is kept (decision 079), and the headline repeated in bold, the dateline
/// ("…更新 来源：…"), the page's tools ("【打印】", "发表评论 >>>") and a post's counters ("已被阅读178次") and
/// trackback address are not article text; nor are a slideshow of
/// `javascript:` links and the side column of short lines beside the article's cell (decision 085). A
/// government notice keeps its register card (索引号, 发文机关 …) set above the article's container and the
/// numbers a word processor put in spans of their own; a wiki article keeps only the headings of what it
/// shows folded, and not its "[编辑]" links. A newspaper piece drops the reporter lines under its headline and the
/// header its related links leave behind, and keeps its closing sign-off (decision 091). And a page with no article at all (a shop's listing) gives the
/// text of its main container, not of its menus.
/// </summary>
[TestFixture]
public sealed class ChineseArticleTextTests : CaptureTestBase
{
    private const string ShortItem =
        "1月20日，城东职业学院文化与旅游学院举办“剪窗花，迎新春”活动。师生们在红纸中间剪出了“团圆”两字，在四周剪出了梅花和喜鹊，用别具一格的形式迎接新春佳节。（王小明 李华）";

    private static readonly string[] Paragraphs =
    [
        "河口镇的老渡口今年春天停航了。新建的跨江大桥通车以后，每天往返两岸的人从几千人减少到不到一百人，渡船的收入已经不够支付燃油和人工。",
        "船老大陈建国在这条航线上开了二十六年船。他说，最热闹的时候，一天要跑四十多趟，赶集的、上学的、挑着菜担子的，挤满了甲板。",
        "镇政府计划把渡口改造成一个小型的江边公园，保留原来的石阶和候船亭，并在亭子里展出老渡船的照片和船票。",
        "不少老居民说，渡口是他们记忆里最重要的地方之一，希望改造以后还能常常回来看看。",
    ];

    private static readonly string[] Boilerplate =
    [
        "首页", "时政", "省委关注", "豫政双周", "授权发布", "人事任免", "法治在线", // the portal's menu
        "老人公园里练太极", "菜市场早晨的烟火气", "小学生植树护绿", "雨后彩虹挂山头", // a headline table
        "反侵权公告", "未经书面许可", "欢迎读者提供侵权线索", // the site's legal notice
    ];

    /// <summary>The listing's entries: whole links, which Readability does not take for an article.</summary>
    private static readonly string[] Listings =
    [
        "Brass harbour lantern, hand-made in Porto, 24 cm", "Oak chopping board from old fishing boat planks", "Linen apron dyed with walnut husks",
        "Stoneware mug with a tide-table glaze", "Wool blanket in the colours of the estuary", "Copper kettle restored by the town smith",
        "Rope doormat knotted by the harbour master", "Enamel sign: \u201cFresh fish daily\u201d, 1950s reproduction",
    ];

    private static readonly string[] ShopMenu =
    [
        "Home", "New in", "Kitchen", "Living room", "Garden", "Lighting", "Textiles", "Gifts under 20", "Sale", "Stores", "About us", "Journal",
        "Delivery", "Returns", "Gift cards", "Trade accounts", "Careers", "Press", "Contact", "Newsletter", "Instagram", "Pinterest",
    ];

    // A blog post (zh-cwced-dev 59562291…, a monthly archive of such posts): photos and text with <br>, no <p>;
    // its dateline with an ordinal day, its counters and its trackback address (35687fb1…).
    private static readonly string[] PhotoPost =
    [
        "天一热，家里的餐桌就换了样子，热菜少了，凉菜多了，拍黄瓜、凉拌木耳、糖拌西红柿轮流上桌。",
        "外婆做凉菜有讲究，黄瓜要拍不要切，拍过的黄瓜裂开了口，调料更容易入味，吃起来也更脆。",
        "木耳要先用温水泡发，再用开水焯一下，捞出来过凉水，拌上醋、蒜泥和一点点糖，酸甜爽口。",
    ];

    private static readonly string[] TextPost =
    [
        "周末终于搬完了家。新家离海边只有两站路，早上可以走过去看日出。",
        "旧家具送给了楼下的邻居，只带走了书和两盆花。打包的时候翻出了很多老照片，一张一张看了很久。",
        "晚上坐在还没拆完的箱子中间吃了一碗面，窗外能听见海浪的声音，心里忽然觉得很踏实。",
        "第二天一早，楼下的早点铺已经开门了，老板娘听说我是新搬来的，多给了我一根油条，还告诉我菜市场在哪条巷子里。",
        "慢慢地，这个小区的声音、气味和街坊的面孔，都会变成家的一部分吧。",
    ];

    // An old portal's news item (zh-cwced-dev 2bac7fb2…, 3832838a…, bbdf5079…): the headline in <b>, then the dateline.
    private static readonly string[] NewsItem =
    [
        "老城区的四百多棵梧桐树这个月都挂上了一块小小的铭牌，上面写着树的编号、树龄和养护单位，市民用手机一扫就能看到这棵树的“档案”。",
        "园林处的工作人员说，这些梧桐树大多是上世纪五十年代种下的，最老的一棵已经有七十多岁了。过去哪棵树生了病、哪棵树该修剪，全靠老师傅的记性。",
        "有了铭牌以后，市民发现树枝折断或者树干有虫洞，可以直接扫码上报，养护人员会在三天之内到现场处理。",
        "住在梧桐路的李阿姨说，她每天早上散步都会经过门口那棵老树，现在知道了它的年龄，觉得它更像一位老邻居了。",
    ];

    // A newspaper piece pasted from a word processor into a blog (zh-cwced-dev ab65832c…, 3e1af229…,
    // a0cb0242…): reporter lines under the headline, an interview, a sign-off; a portal's related links
    // under it (3832838a…).
    private static readonly string[] PaperPiece =
    [
        "前天晚上，城北一个小区的楼道里，一辆正在充电的电动车起火，浓烟顺着楼梯一直冒到了六楼，所幸没有人受伤。",
        "记者：小区里一共有多少辆电动车？",
        "物业经理：大概三百多辆，可是能充电的车棚只有四十个车位，很多居民只好把车推进楼道，从自己家里拉电线出来。",
        "消防部门提醒，电动车不要在楼道和家中充电，充电时间也不宜过长，夜里最好不要充着电睡觉。",
    ];

    private Captured _short = null!;
    private Captured _portal = null!;
    private Captured _blog = null!;
    private Captured _news = null!;
    private Captured _notice = null!;
    private Captured _wiki = null!;
    private Captured _paper = null!;
    private readonly Dictionary<string, Captured> _listings = [];

    [OneTimeSetUp]
    public async Task CaptureAsync()
    {
        Server.MapHtml("/short-item", ShortItemPage);
        Server.MapHtml("/ferry", PortalArticlePage);
        var containers = new Dictionary<string, (string Open, string Close)>
        {
            ["/shop-main"] = ("<main>", "</main>"),
            ["/shop-role-main"] = ("<div role=\"main\">", "</div>"),
            ["/shop-article"] = ("<article>", "</article>"),
        };
        foreach (var (path, (open, close)) in containers)
        {
            Server.MapHtml(path, ShopPage(open, close));
        }

        _short = await CaptureAsync(Server.Url("/short-item"));
        _portal = await CaptureAsync(Server.Url("/ferry"));
        Server.MapHtml("/blog", BlogPostPage);
        Server.MapHtml("/plane-trees", OldPortalNewsPage);
        _blog = await CaptureAsync(Server.Url("/blog"));
        _news = await CaptureAsync(Server.Url("/plane-trees"));
        Server.MapHtml("/notice", NoticePage);
        Server.MapHtml("/wiki", WikiPage);
        _notice = await CaptureAsync(Server.Url("/notice"));
        _wiki = await CaptureAsync(Server.Url("/wiki"));
        Server.MapHtml("/paper", NewspaperPiecePage);
        _paper = await CaptureAsync(Server.Url("/paper"));
        var listings = await Task.WhenAll(containers.Keys.Select(async path => (path, await CaptureAsync(Server.Url(path)))));
        foreach (var (path, captured) in listings)
        {
            _listings[path] = captured;
        }

        Assert.Multiple(() =>
        {
            foreach (var captured in new[] { _short, _portal, _blog, _news, _notice, _wiki, _paper })
            {
                Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
            }
        });
    }

    [Test]
    public void A_short_article_keeps_its_text_and_not_the_pages_menus()
    {
        var text = _short.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(ShortItem[..30]), "the short item is the article");
            foreach (var menu in Boilerplate[..7])
            {
                Assert.That(text, Does.Not.Contain(menu), "the portal's menu is not the article");
            }
        });
    }

    /// <summary>
    /// Issue 18 item 4: with no article, the text comes from the page's main container — &lt;main&gt;,
    /// [role=main] or its only &lt;article&gt; — not from the whole page with its menus (ArticleFallback).
    /// </summary>
    [TestCase("/shop-main")]
    [TestCase("/shop-role-main")]
    [TestCase("/shop-article")]
    public void Without_an_article_the_text_comes_from_the_main_container_not_the_menus(string path)
    {
        var captured = _listings[path];
        var text = captured.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
            Assert.That(captured.Artifact(ArtifactKinds.ArticleHtml).Status, Is.EqualTo(ArtifactStatus.Skipped), "no article: the fallback is what is tested");
            foreach (var listing in Listings)
            {
                Assert.That(text, Does.Contain(listing));
            }

            foreach (var menu in new[] { "Gifts under 20", "Trade accounts", "Newsletter", "Pinterest" })
            {
                Assert.That(text, Does.Not.Contain(menu), "the shop's menus are not the page's text");
            }
        });
    }

    [Test]
    public void A_portal_article_keeps_every_paragraph_and_drops_headline_tables_and_the_legal_notice()
    {
        var text = _portal.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            foreach (var paragraph in Paragraphs)
            {
                Assert.That(text, Does.Contain(paragraph));
            }

            Assert.That(text, Does.Contain("交通局的公告"), "a paragraph with a link in it is text");
            foreach (var line in Boilerplate[7..])
            {
                Assert.That(text, Does.Not.Contain(line));
            }
        });
    }

    [Test]
    public void A_blog_posts_photos_with_unparagraphed_text_are_kept()
    {
        var text = _blog.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            // Readability counted only ASCII commas before dropping a block with more images than <p>.
            foreach (var line in TextPost.Concat(PhotoPost))
            {
                Assert.That(text, Does.Contain(line));
            }
        });
    }

    [Test]
    public void A_blog_posts_dateline_counters_and_trackback_address_are_not_article_text()
    {
        var text = _blog.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(TextPost[0]));
            foreach (var line in new[] { "September 10th", "已被阅读178次", "Trackback", "已有1件评论" })
            {
                Assert.That(text, Does.Not.Contain(line));
            }
        });
    }

    [Test]
    public void An_old_portals_news_item_drops_the_headline_repeated_in_bold_its_dateline_and_its_tools()
    {
        var text = _news.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            foreach (var paragraph in NewsItem)
            {
                Assert.That(text, Does.Contain(paragraph));
            }

            Assert.That(text.TrimStart(), Does.StartWith(NewsItem[0][..20]), "the headline is the page's title, not the article's first line");
            foreach (var line in new[] { "更新", "来源：城南日报", "打印", "关闭窗口", "发表评论" })
            {
                Assert.That(text, Does.Not.Contain(line));
            }
        });
    }

    [Test]
    public void An_old_portals_slideshow_of_script_links_and_its_side_column_are_not_article_text()
    {
        var text = _news.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(NewsItem[^1]));
            // Readability turns `javascript:` links into text; they are still links when the cleaning looks.
            foreach (var line in new[] { "幻灯欣赏", "江边的晚霞", "渔港的清晨" })
            {
                Assert.That(text, Does.Not.Contain(line), "the slideshow under the article");
            }

            // The cell beside the article's: headings, a forum table and picture captions, all short lines.
            foreach (var line in new[] { "消费热点", "巷子里的老面馆", "打开你的窗", "夜市里的糖画摊" })
            {
                Assert.That(text, Does.Not.Contain(line), "the side column");
            }
        });
    }

    [Test]
    public void A_government_notice_keeps_its_register_card_and_the_numbers_set_in_spans()
    {
        var text = _notice.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("发文字号"), "the register card above the article's container");
            Assert.That(text, Does.Contain("城政告〔2022〕3号"));
            Assert.That(text.IndexOf("索 引 号", StringComparison.Ordinal), Is.LessThan(text.IndexOf("为做好河滨公园", StringComparison.Ordinal)), "the card comes first");
            Assert.That(text.Split("11330000/2022-00117").Length - 1, Is.EqualTo(1), "the small-screen copy of the card is not added too");
            Assert.That(text, Does.Contain("自2022年3月10日起"), "a number in a span of its own inside a sentence is text");
            Assert.That(text, Does.Contain("每日6时至22时"));
            Assert.That(text, Does.Not.Contain("政务服务"), "the site's menu");
        });
    }

    [Test]
    public void A_wiki_article_keeps_the_headings_of_its_folded_blocks_and_drops_its_edit_links()
    {
        var text = _wiki.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("清代中叶，河口镇已有商号六十余家"));
            Assert.That(text, Does.Contain("镇政府计划在老码头旁建设"), "the text after the folded blocks");
            Assert.That(text, Does.Contain("历年游客人数"), "a folded table keeps its heading row");
            Assert.That(text, Does.Contain("历任镇长"), "a folded frame keeps its heading");
            Assert.That(text, Does.Not.Contain("举办首届茶文化节"), "the folded table's rows");
            Assert.That(text, Does.Not.Contain("王秀兰"), "the folded frame's content");
            Assert.That(text, Does.Not.Contain("编辑"), "the sections' edit links");
        });
    }

    private static string Menu => string.Join(" ", new[]
    {
        "首页", "时政", "省委关注", "豫政双周", "省政府常务会", "授权发布", "人事任免", "法治在线", "中岳观察", "清风中原", "经济", "国家战略",
        "三农聚焦", "美丽河南", "河南制造", "数据说话", "金融豫报", "文化", "科教园", "中原风", "行走中原", "读书观影", "社会", "点赞河南",
        "健康行", "青年汇", "求证", "新世说", "影像志", "学习", "理论园地", "干部心得", "公务员之家", "民情", "记者调查", "民意调查",
    }.Select(m => $"<li><a href=\"/{m.Length}\">{m}</a></li>"));

    [Test]
    public void A_newspaper_pieces_reporter_lines_and_its_related_header_are_not_article_text_and_its_sign_off_stays()
    {
        var text = _paper.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            foreach (var paragraph in PaperPiece)
            {
                Assert.That(text, Does.Contain(paragraph));
            }

            // Under the headline (decision 091): the reporters, as the metadata layer's author.
            foreach (var line in new[] { "本报实习生", "刘一鸣", "王海平", "伊琳" })
            {
                Assert.That(text, Does.Not.Contain(line), "a reporter line above the first sentence");
            }

            Assert.That(text, Does.Not.Contain("相关报道"), "the header of the related links");
            Assert.That(text, Does.Contain("本报记者 葛灵丹"), "the sign-off under the last paragraph is the printed article's");
            Assert.That(text, Does.Contain("记者：小区里一共有多少辆电动车？"), "an interview's question is text");
        });
    }

    private static string ShortItemPage => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>城东职业学院：剪窗花 迎新春_河南网</title></head>
        <body>
          <div class="top"><ul class="menu">{Menu}</ul></div>
          <div class="position">当前位置：城东 &gt; 图说城东</div>
          <div class="content">
            <h1>城东职业学院：剪窗花 迎新春</h1>
            <div class="info">2022-01-21 09:30 来源：河南网</div>
            <div id="text"><p>{ShortItem}</p></div>
          </div>
          <div class="foot"><ul>{Menu}</ul><p>关于本网 联系我们 广告服务 版权声明</p></div>
        </body>
        </html>
        """;

    private static string ShopPage(string open, string close) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>New in - Harbour Goods</title></head>
        <body>
          <header><nav><ul>{string.Join("", ShopMenu[..11].Select(m => $"<li><a href=\"/{m.Length}\">{m}</a></li>"))}</ul></nav></header>
          {open}
            <h2>New in</h2>
            <ul class="grid">{string.Join("", Listings.Select((l, i) => $"<li><a href=\"/item/{i}\">{l}</a></li>"))}</ul>
          {close}
          <footer><ul>{string.Join("", ShopMenu[11..].Select(m => $"<li><a href=\"/{m.Length}\">{m}</a></li>"))}</ul></footer>
        </body>
        </html>
        """;

    private static string Headlines => string.Join("", new[] { "老人公园里练太极", "菜市场早晨的烟火气", "小学生植树护绿", "雨后彩虹挂山头" }
        .Select((h, i) => $"<tr><td><a href=\"/news/{i}\">[百态]</a> <a href=\"/news/{i}.html\">{h}（图）</a></td></tr>"));

    private static string PortalArticlePage => $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>老渡口停航了</title></head>
        <body>
          <table width="960"><tr>
            <td width="700" valign="top">
              <div class="article">
                <h1>老渡口停航了</h1>
                <p>{Paragraphs[0]}</p>
                <p>{Paragraphs[1]}</p>
                <table class="list">{Headlines}</table>
                <p>{Paragraphs[2]}详见<a href="/notice">交通局的公告</a>。</p>
                <p>{Paragraphs[3]}</p>
                <div id="used">
                  <p><b>反侵权公告：</b></p>
                  <p>根据有关法律法规，未经书面许可，擅自转载本报社作品的，将涉嫌侵犯著作权人合法权益。</p>
                  <p>一、任何单位或个人使用本报社的原创内容，必须事先取得书面授权；</p>
                  <p>二、对于各类非法转载行为，欢迎读者提供侵权线索。</p>
                </div>
              </div>
            </td>
          </tr></table>
        </body>
        </html>
        """;

    // The post's photo block: three photos and text set with <br>, no <p>, and only Chinese commas.
    private static string BlogPostPage => $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>海边的日子 | 城南博客</title></head>
        <body>
          <table width="820" align="center"><tr>
            <td width="200" valign="top"><div class="side">个人信息 最新文章 归档备份</div></td>
            <td valign="top">
              <p>Saturday, September 10th, 2005 &nbsp; 10:56 am</p>
              <table width="100%"><tr><td class="post-title">搬家以后</td><td align="right">2005-06-14 03:25:55</td></tr></table>
              <div class="post-body">
                {string.Concat(TextPost.Select(p => $"<p>{p}</p>"))}
                <table width="100%"><tr><td><center><img src="/a.jpg"></center><br><center><img src="/b.jpg"></center><br><center><img src="/c.jpg"></center><br>
                {string.Join("<br>\n", PhotoPost)}
                </td></tr></table>
              </div>
              <span>(本文发表于<a href="/?cat=7">生活随笔</a>, 已被阅读178次)</span>
              <div><span>本文通告引用(Trackback)链接: /wp-trackback.php?p=1700</span></div>
              <h3 id="comments">《搬家以后》已有1件评论</h3>
            </td>
          </tr></table>
        </body>
        </html>
        """;

    private static string OldPortalNewsPage => $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>老城区的梧桐树挂上了身份证(图)--城南新闻</title></head>
        <body>
          <table width="750"><tr valign="top">
            <td width="580">
              <table width="100%">
                <tr><td colspan="2"><b style="font-size:20px;">老城区的梧桐树挂上了身份证(图)</b></td></tr>
                <tr><td class="info">2005-04-05 06:40更新 来源：城南日报</td><td align="right">第<b>1</b>页/共<b>1</b>页 &lt;&lt;&nbsp;上一页 | 下一页&nbsp;&gt;&gt;</td></tr>
              </table>
              {string.Concat(NewsItem.Select(p => $"<p>{p}</p>"))}
              <p>【<a href="/print">打印</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</p>
              <div><a href="/comment">发表评论 &gt;&gt;&gt;</a></div>
              <table width="100%">
                <tr><td colspan="4"><b>幻灯欣赏：</b></td></tr>
                <tr>{string.Concat(Enumerable.Range(1, 4).Select(i => $"<td><a href=\"javascript:play('/s/{i}.html');\"><img src=\"/s{i}.jpg\" width=\"120\" height=\"150\"></a></td>"))}</tr>
                <tr>{string.Concat(new[] { "江边的晚霞", "古桥雪景", "春天的油菜花田", "渔港的清晨" }.Select((t, i) => $"<td><a href=\"javascript:play('/s/{i + 1}.html');\">{t}</a></td>"))}</tr>
              </table>
            </td>
            <td width="5">&nbsp;</td>
            <td width="165">
              <table><tr><td><b>消费热点</b></td></tr></table>
              <table><tr><td><b>城南论坛推荐</b></td></tr>
                <tr><td><a href="/f/1">美食</a></td><td>-</td><td><a href="/f/1/9">巷子里的老面馆</a></td></tr>
                <tr><td><a href="/f/2">旅游</a></td><td>-</td><td><a href="/f/2/9">周末去哪儿</a></td></tr>
              </table>
              <table><tr><td><b>图片新闻</b></td></tr></table>
              {string.Concat(new[] { "打开你的窗", "秋天的银杏大道", "夜市里的糖画摊" }.Select((t, i) => $"<div><a href=\"javascript:play('/p/{i}.html');\"><img src=\"/p{i}.jpg\" width=\"139\"></a></div><div align=\"center\">{t}</div>"))}
            </td>
          </tr></table>
        </body>
        </html>
        """;

    // A government notice (zh-cwced-dev e8847578…): its register card above the article's container, once
    // laid out for small screens and once for wide ones; the notice pasted from a word processor, each
    // number in a <span> of its own.
    private const string NoticePage = """
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>城南市人民政府关于河滨公园改造期间临时封闭部分园区的通告</title></head>
        <body>
          <div class="header"><a href="/">城南市人民政府</a> <a href="/xxgk/">政府信息公开</a> <a href="/zwfw/">政务服务</a></div>
          <div class="main">
            <p class="crumb"><a href="/xxgk/">政府信息公开专栏</a> &gt;&gt; <a href="/xxgk/szf/">城南市人民政府</a> &gt;&gt; 通告</p>
            <div class="box" id="zoom">
              <table class="card-narrow">
                <tr><td>索 引 号：</td><td>11330000/2022-00117</td></tr>
                <tr><td>分　　类：</td><td>城乡建设;通告</td></tr>
                <tr><td>发文机关：</td><td>城南市人民政府</td></tr>
                <tr><td>成文日期：</td><td>2022年03月02日</td></tr>
                <tr><td>发文字号：</td><td>城政告〔2022〕3号</td></tr>
              </table>
              <div class="wide">
                <table class="card">
                  <tr><td>索 引 号：</td><td>11330000/2022-00117</td><td>分　　类：</td><td>城乡建设;通告</td></tr>
                  <tr><td>发文机关：</td><td>城南市人民政府</td><td>成文日期：</td><td>2022年03月02日</td></tr>
                  <tr><td>发文字号：</td><td>城政告〔2022〕3号</td><td>发布日期：</td><td>2022年03月03日</td></tr>
                </table>
              </div>
              <div class="text">
                <div class="share"><a href="javascript:void(0)" title="分享到微信"></a><a href="javascript:void(0)" title="分享到微博"></a></div>
                <div class="content">
                  <div style="text-align:center"><b>城南市人民政府关于河滨公园改造期间</b></div>
                  <div style="text-align:center"><b>临时封闭部分园区的通告</b></div>
                  <div>　　为做好河滨公园提升改造工程，保障游客安全，根据《城市绿化条例》等有关规定，现就改造期间临时封闭部分园区的有关事项通告如下：</div>
                  <div>　　一、自<span lang="EN-US">2022</span>年<span lang="EN-US">3</span>月<span lang="EN-US">10</span>日起，河滨公园东区（含儿童游乐区、荷花池和东门广场）临时封闭，封闭期间禁止游客进入施工区域。</div>
                  <div>　　二、公园西区和北门照常开放，开放时间为每日<span lang="EN-US">6</span>时至<span lang="EN-US">22</span>时，请游客从北门和西门出入。</div>
                  <div>　　三、改造工程预计于<span lang="EN-US">2022</span>年<span lang="EN-US">9</span>月底完成，完工后东区将恢复开放，具体时间另行通告。</div>
                  <div>　　特此通告。</div>
                  <div style="text-align:right">城南市人民政府</div>
                  <div style="text-align:right">2022年3月2日</div>
                </div>
              </div>
            </div>
          </div>
          <div class="footer"><a href="/about">关于本站</a> <a href="/map">网站地图</a> <a href="/contact">联系我们</a></div>
        </body>
        </html>
        """;

    // A MediaWiki article (zh-cwced-dev d5bced5e…): folded table and frame, "[编辑]" links in the headings.
    private const string WikiPage = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>河口镇 - 维基百科，自由的百科全书</title></head>
        <body>
          <div id="mw-navigation"><a href="#p-search">跳到导航</a> <a href="#search">跳到搜索</a></div>
          <div id="content" class="mw-body">
            <h1 id="firstHeading">河口镇</h1>
            <div id="bodyContent">
              <div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
                <p><b>河口镇</b>是城南市下辖的一个镇，位于大江与青溪的交汇处，面积约四十六平方公里，户籍人口约三万二千人。镇名来自青溪入江的河口，明代起就是往来船只停靠补给的码头。</p>
                <h2><span class="mw-headline" id="历史">历史</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=河口镇&amp;action=edit&amp;section=1" title="编辑章节：历史">编辑</a><span class="mw-editsection-bracket">]</span></span></h2>
                <p>清代中叶，河口镇已有商号六十余家，以竹木、茶叶和桐油的转运为主。民国时期修建的公路绕开了河口，镇上的水运生意逐渐冷落，许多商号迁往县城。</p>
                <p>一九五八年，河口镇设立人民公社，此后多次调整区划。二〇〇一年，周边的三个乡并入河口镇，形成今天的行政范围。</p>
                <h2><span class="mw-headline" id="经济">经济</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=河口镇&amp;action=edit&amp;section=2" title="编辑章节：经济">编辑</a><span class="mw-editsection-bracket">]</span></span></h2>
                <p>河口镇以茶叶种植和淡水养殖为主要产业。近年来，镇上利用老码头和明清街巷发展旅游，每年接待游客四十余万人次，民宿和餐饮成为新的收入来源。</p>
                <table class="wikitable mw-collapsible mw-collapsed">
                  <tr><th colspan="3">历年游客人数</th></tr>
                  <tr><th>年份</th><th>游客（万人次）</th><th>备注</th></tr>
                  <tr><td>二〇一六年</td><td>十八</td><td>老街修缮完工</td></tr>
                  <tr><td>二〇一七年</td><td>二十六</td><td>开通旅游专线</td></tr>
                  <tr><td>二〇一八年</td><td>四十一</td><td>举办首届茶文化节</td></tr>
                </table>
                <div class="NavFrame collapsed">
                  <div class="NavHead">历任镇长</div>
                  <div class="NavContent"><p>陈建国（一九八四年至一九九〇年）、李卫东（一九九〇年至一九九八年）、王秀兰（一九九八年至二〇〇六年）</p></div>
                </div>
                <p>镇政府计划在老码头旁建设一座小型的水运博物馆，收藏和展出老船票、航运图和商号账本。</p>
              </div></div>
            </div>
          </div>
        </body>
        </html>
        """;

    private static string NewspaperPiecePage => $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>谁来管管楼道里的电动车？</title></head>
        <body>
          <div id="header"><h1 class="title"><a href="/">读报人的博客</a></h1></div>
          <div class="entity">
            <h2 class="diaryTitle">谁来管管楼道里的电动车？- -</h2>
            <p class="MsoNormal" align="center"><span>楼道充电屡出险情 物业管理形同虚设</span></p>
            <p class="MsoNormal" align="center"><span>本报实习生</span><span><font> </font></span><span>刘一鸣 周小燕</span></p>
            <p class="MsoNormal" align="center"><span>本报记者</span><span><font> </font></span><span>王海平 方云 柏林</span></p>
            <p class="MsoNormal" align="center">城北新闻网&nbsp; 记者&nbsp; 伊琳&nbsp; 李清芬</p>
            {string.Concat(PaperPiece.Select(p => $"<p class=\"MsoNormal\">{p}</p>"))}
            <p class="MsoNormal">□ 本报记者 葛灵丹</p>
            <div class="spcr">
              <div class="pad1"><b>相关报道：</b></div>
              {string.Concat(new[] { "电动车进楼道 隐患知多少", "新建小区将配齐充电车棚", "老小区加装充电桩难在哪" }.Select((t, i) => $"<div>·<a href=\"/r/{i}\">{t}</a> <span class=\"yge\">(2005-04-2{i} 14:32PM)</span></div>"))}
            </div>
          </div>
        </body>
        </html>
        """;
}
