using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Issue 18: the article text of Chinese pages, in the shapes the zh-cwced-dev pages showed (the
/// fixtures reproduce their structure; docs/benchmarks.md has the figures): a short news item on a
/// portal keeps the item, not the portal's menus; an old table-layout portal's headline tables and the
/// site's legal notice inside the article container are not article text; a blog post of photos and
/// text without paragraphs is kept (decision 079), and the headline repeated in bold, the dateline
/// ("…更新 来源：…") and the page's tools ("【打印】", "发表评论 >>>") are not article text.
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

    // A blog post (zh-cwced-dev 59562291…, a front page of such posts): photos and text with <br>, no <p>.
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

    private Captured _short = null!;
    private Captured _portal = null!;
    private Captured _blog = null!;
    private Captured _news = null!;

    [OneTimeSetUp]
    public async Task CaptureAsync()
    {
        Server.MapHtml("/short-item", ShortItemPage);
        Server.MapHtml("/ferry", PortalArticlePage);
        _short = await CaptureAsync(Server.Url("/short-item"));
        _portal = await CaptureAsync(Server.Url("/ferry"));
        Server.MapHtml("/blog", BlogPostPage);
        Server.MapHtml("/plane-trees", OldPortalNewsPage);
        _blog = await CaptureAsync(Server.Url("/blog"));
        _news = await CaptureAsync(Server.Url("/plane-trees"));
        Assert.Multiple(() =>
        {
            foreach (var captured in new[] { _short, _portal, _blog, _news })
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

    private static string Menu => string.Join(" ", new[]
    {
        "首页", "时政", "省委关注", "豫政双周", "省政府常务会", "授权发布", "人事任免", "法治在线", "中岳观察", "清风中原", "经济", "国家战略",
        "三农聚焦", "美丽河南", "河南制造", "数据说话", "金融豫报", "文化", "科教园", "中原风", "行走中原", "读书观影", "社会", "点赞河南",
        "健康行", "青年汇", "求证", "新世说", "影像志", "学习", "理论园地", "干部心得", "公务员之家", "民情", "记者调查", "民意调查",
    }.Select(m => $"<li><a href=\"/{m.Length}\">{m}</a></li>"));

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
              <table width="100%"><tr><td class="post-title">搬家以后</td><td align="right">2005-06-14 03:25:55</td></tr></table>
              <div class="post-body">
                {string.Concat(TextPost.Select(p => $"<p>{p}</p>"))}
                <table width="100%"><tr><td><center><img src="/a.jpg"></center><br><center><img src="/b.jpg"></center><br><center><img src="/c.jpg"></center><br>
                {string.Join("<br>\n", PhotoPost)}
                </td></tr></table>
              </div>
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
            </td>
          </tr></table>
        </body>
        </html>
        """;
}
