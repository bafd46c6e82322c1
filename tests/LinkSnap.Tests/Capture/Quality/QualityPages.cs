namespace LinkSnap.Tests.Capture.Quality;

/// <summary>
/// Fixture pages for the capture quality guard: one per flag, each reproducing the structure that
/// real sites use (the CMPs' container ids and layering, a Cloudflare-style interstitial, an SPA shell
/// whose bundle never arrives), plus the Chinese site structures the site rules of quality-rules.json address.
/// </summary>
internal static class QualityPages
{
    private const string Story =
        "<p>The harbour town woke slowly. Fishing boats came in with the tide, gulls followed them, and the market filled with voices.</p>" +
        "<p>By noon the stalls were empty and the square was quiet again, the way it had been for two hundred years.</p>" +
        "<p>Nobody in the town remembered a day when the boats had not come back, and nobody wanted to imagine one.</p>";

    private static string Page(string title, string body, string head = "") => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>body { font-family: sans-serif; margin: 0; } main { padding: 20px; }</style>{{head}}</head>
        <body><main><h1>{{title}}</h1>{{body}}</main></body></html>
        """;

    /// <summary>An article with two frames: an advert on a host that cannot be reached (Chromium shows its network-error page there) and one that loads.</summary>
    public static readonly string FailedFrame = Page("Harbour map", Story + """
        <iframe id="failed" src="https://no-such-host.invalid/advert.html" width="300" height="150"></iframe>
        <iframe id="fine" src="/fine-frame" width="300" height="150"></iframe>
        """);

    /// <summary>OneTrust: a bottom banner in #onetrust-consent-sdk with its dark filter, as its script injects it.</summary>
    public static readonly string OneTrust = Page("Harbour news", Story + """
        <div id="onetrust-consent-sdk">
          <div class="onetrust-pc-dark-filter" style="position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483646"></div>
          <div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner" style="position:fixed;bottom:0;left:0;right:0;z-index:2147483647;background:#fff;padding:20px">
            <div id="onetrust-policy"><p id="onetrust-policy-text">We use cookies to improve your experience. By clicking "Accept All Cookies", you agree to the storing of cookies on your device.</p></div>
            <div id="onetrust-button-group"><button id="onetrust-reject-all-handler">Reject All</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div>
          </div>
        </div>
        """);

    /// <summary>
    /// OneTrust as its script leaves the page (decision 072): the banner injected after load into
    /// #onetrust-consent-sdk, with OneTrust's button ids and their behaviour — "Reject All" stores the
    /// choice in OneTrust's cookies and closes the banner and its filter. The banner is bright green so
    /// a screenshot shows whether it is there; the body records which button was pressed.
    /// </summary>
    /// <summary>
    /// Sourcepoint's structure (decision 080): the top page holds only a fixed container; the banner is
    /// an iframe from the CMP's own origin (/index.html?message_id=…), whose buttons tell the page
    /// the choice by postMessage, and the page then removes the container with the frame in it.
    /// </summary>
    public static string SourcepointTop(Uri cmpOrigin) => Page("Harbour lights", Story + $$"""
        <div id="sp_message_container_1000" style="position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center">
          <iframe id="sp_message_iframe_1000" title="SP Consent Message" src="{{cmpOrigin}}index.html?message_id=1000&amp;consentUUID=c1" style="width:900px;height:520px;border:0"></iframe>
        </div>
        <script>
        addEventListener('message', (e) => {
          if (e.origin !== '{{cmpOrigin.GetLeftPart(UriPartial.Authority)}}' || !e.data || typeof e.data.choice !== 'string') return;
          document.body.dataset.consent = e.data.choice;
          document.getElementById('sp_message_container_1000').remove();
        });
        </script>
        """);

    /// <summary>The Sourcepoint message frame, served by the CMP's origin: green, with its accept/reject/manage choices.</summary>
    public const string SourcepointFrame = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SP Consent Message</title>
        <style>body { margin: 0; background: #00c800; font-family: sans-serif; } .message-container { padding: 24px; height: 472px; }</style></head>
        <body><div class="message-container" id="notice">
        <p class="message-component">We and our partners store and access information on your device, such as cookies, to show you personalised ads and content.</p>
        <button class="message-component message-button sp_choice_type_11" title="Accept all">Accept all</button>
        <button class="message-component message-button sp_choice_type_13" title="Reject all">Reject all</button>
        <button class="message-component message-button sp_choice_type_12" title="Manage cookies">Manage cookies</button></div>
        <script>
        const choices = { sp_choice_type_11: 'accepted', sp_choice_type_13: 'rejected' };
        for (const button of document.querySelectorAll('button')) {
          button.addEventListener('click', () => {
            const choice = Object.keys(choices).find((c) => button.classList.contains(c));
            if (choice) parent.postMessage({ choice: choices[choice] }, '*');
          });
        }
        </script></body></html>
        """;

    public static readonly string OneTrustCmp = Page("Harbour tides", Story + """
        <script>
        addEventListener('load', () => {
          const sdk = document.createElement('div');
          sdk.id = 'onetrust-consent-sdk';
          sdk.innerHTML = '<div class="onetrust-pc-dark-filter" style="position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483646"></div>'
            + '<div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner" tabindex="0" style="position:fixed;bottom:0;left:0;right:0;height:320px;z-index:2147483647;background:#00c800;padding:20px">'
            + '<div id="onetrust-policy"><p id="onetrust-policy-text">We use cookies to improve your experience. By clicking "Accept All Cookies", you agree to the storing of cookies on your device.</p></div>'
            + '<div id="onetrust-button-group"><button id="onetrust-pc-btn-handler">Cookie Settings</button><button id="onetrust-reject-all-handler">Reject All</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div></div>';
          document.body.appendChild(sdk);
          const close = (choice, groups) => {
            document.cookie = 'OptanonAlertBoxClosed=' + new Date().toISOString() + '; path=/';
            document.cookie = 'OptanonConsent=groups=' + groups + '; path=/';
            document.getElementById('onetrust-banner-sdk').style.display = 'none';
            sdk.querySelector('.onetrust-pc-dark-filter').style.display = 'none';
            document.body.dataset.consent = choice;
          };
          document.getElementById('onetrust-reject-all-handler').onclick = () => close('rejected', 'C0001:1,C0002:0,C0003:0,C0004:0');
          document.getElementById('onetrust-accept-btn-handler').onclick = () => close('accepted', 'C0001:1,C0002:1,C0003:1,C0004:1');
        });
        </script>
        """);

    /// <summary>Cookiebot's pop-up template: a centred dialog #CybotCookiebotDialog over its dimming underlay.</summary>
    public static readonly string Cookiebot = Page("Harbour weather", Story + """
        <div id="CybotCookiebotDialogBodyUnderlay" style="position:fixed;inset:0;background:rgba(0,0,0,.4);z-index:2147483630"></div>
        <div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" lang="en" style="position:fixed;top:50%;left:50%;transform:translate(-50%,-50%);width:600px;background:#fff;z-index:2147483631;padding:24px;box-shadow:0 0 20px #000">
          <div id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</div>
          <div id="CybotCookiebotDialogBodyContentText">We use cookies to personalise content and ads, to provide social media features and to analyse our traffic.</div>
          <button id="CybotCookiebotDialogBodyButtonDecline">Deny</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>
        </div>
        """);

    /// <summary>A consent wall without a known CMP id (Quantcast-like markup renamed): only its coverage and words tell it.</summary>
    public static readonly string GenericWall = Page("Harbour sports", Story + """
        <div class="privacy-wall" style="position:fixed;inset:0;background:rgba(20,20,20,.85);z-index:9999;display:flex;align-items:center;justify-content:center">
          <div style="background:#fff;padding:30px;width:500px"><h2>We value your privacy</h2>
          <p>We and our partners store and access information on your device, such as cookies, for personalised ads and content.</p>
          <button>I accept</button> <button>More options</button></div>
        </div>
        """);

    /// <summary>A Chinese consent wall: 同意 / 拒绝 over the first screen.</summary>
    public static readonly string ChineseConsent = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>港口新闻</title></head>
        <body><article><h1>港口新闻</h1><p>清晨，渔船随着潮水回到港口，海鸥跟在后面，市场里渐渐热闹起来。中午时分，摊位已经空了，广场又恢复了平静，就像两百年来一样。</p></article>
        <div class="cookie-consent-mask" style="position:fixed;top:0;left:0;width:100%;height:100%;background:rgba(0,0,0,.6);z-index:1000">
          <div style="margin:20vh auto;width:420px;background:#fff;padding:24px"><p>本网站使用 Cookie 来改善您的浏览体验并用于统计分析。继续浏览即表示您同意我们的隐私政策。</p>
          <button>同意</button><button>拒绝</button></div>
        </div></body></html>
        """;

    /// <summary>A sign-in page as the main content.</summary>
    public static readonly string LoginForm = Page("Members area", """
        <p>Sign in to continue reading this story.</p>
        <form><label>Email <input type="email" name="email"></label><label>Password <input type="password" name="password"></label><button>Sign in</button></form>
        """);

    /// <summary>Zhihu's structure: an answer under a .Modal-wrapper sign-in modal that locks the page's scroll.</summary>
    public static readonly string ZhihuModal = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>如何评价这座港口？ - 知乎</title></head>
        <body style="overflow:hidden"><div class="QuestionPage"><h1 class="QuestionHeader-title">如何评价这座港口？</h1>
        <div class="RichContent RichContent--unescapable is-collapsed"><div class="RichContent-inner" style="max-height:120px;overflow:hidden">
        <p>这座港口有两百年的历史。清晨渔船回港，中午集市散去，傍晚灯塔亮起。</p><p>港口的居民大多以捕鱼为生，也有人经营小餐馆，招待远道而来的游客。</p>
        <p>近年来港口修建了新的码头，但老街的石板路仍然保留着原来的样子。</p><p>每到节日，镇上会举行赛船，全镇的人都会来到岸边观看。</p>
        <p class="answer-end">这就是我对这座港口的全部印象。</p></div>
        <button class="Button ContentItem-more" type="button" onclick="this.previousElementSibling.style.maxHeight='none'">阅读全文</button></div></div>
        <div class="Modal-wrapper" style="position:fixed;inset:0;z-index:200;background:rgba(0,0,0,.65)">
          <div class="Modal signFlowModal" style="margin:15vh auto;width:400px;background:#fff;padding:24px"><div>登录知乎，问答干货一键收藏</div>
          <input type="text" placeholder="手机号"><button>登录/注册</button></div></div>
        </body></html>
        """;

    /// <summary>A Cloudflare-style interstitial with a captcha frame.</summary>
    public static readonly string Captcha = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Just a moment...</title></head>
        <body><div class="main-wrapper"><h1>example.org</h1><h2 id="challenge-running">Verify you are human by completing the action below.</h2>
        <div id="turnstile-wrapper"><iframe src="/captcha-frame" width="300" height="65"></iframe></div>
        <p>example.org needs to review the security of your connection before proceeding.</p></div></body></html>
        """;

    /// <summary>A soft error page: 200, but the title and heading say the page does not exist.</summary>
    public static readonly string SoftError = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在 - 港口日报</title></head>
        <body><header><a href="/">港口日报</a></header><h1>抱歉，您访问的页面不存在</h1><p>请检查网址是否正确，或返回首页。</p></body></html>
        """;

    /// <summary>An SPA shell whose bundle never arrives: an empty root.</summary>
    public static readonly string SpaShell = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour App</title></head>
        <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/static/js/main.missing.js"></script></body></html>
        """;

    private static string Fold(string toggle) => $$"""
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>渔港的一天</title>
        <style>.article-body.folded { max-height: 160px; overflow: hidden; } .fold-mask { text-align: center; }</style></head>
        <body><h1>渔港的一天</h1><div class="article-body folded" id="body">
        <p>清晨，渔船随着潮水回到港口，海鸥跟在后面，市场里渐渐热闹起来。</p><p>中午时分，摊位已经空了，广场又恢复了平静。</p>
        <p>下午，老人们坐在码头边修补渔网，孩子们在石板路上追逐。</p><p>傍晚，灯塔亮起，最后一艘船慢慢驶进港湾。</p>
        <p>夜里，整个小镇安静下来，只有海浪拍打着堤岸。</p><p>第二天清晨，一切又重新开始。</p>
        <p id="last">这就是渔港平凡而又完整的一天。</p></div>
        <div class="fold-mask">{{toggle}}</div></body></html>
        """;

    /// <summary>A plain toggle: its script opens the fold in place.</summary>
    public static readonly string PlainFold = Fold("""<a href="javascript:void(0)" onclick="document.getElementById('body').classList.remove('folded')">展开全文</a>""");

    /// <summary>A fold whose toggle leads to another page ("read the rest in the app"): it cannot be opened here.</summary>
    public static readonly string LinkedFold = Fold("""<a href="/app-download">阅读全文</a>""");

    /// <summary>Images on the first screen that never load (the server answers 404).</summary>
    public static readonly string BrokenImages = Page("Harbour photos", """
        <img src="/photos/stalled.jpg" width="320" height="200" alt="boats"> <img src="/photos/busy.jpg" width="320" height="200" alt="market">
        <img src="/photos/missing.jpg" width="320" height="200" alt="quay">
        """ + Story);

    /// <summary>
    /// Images the site itself does not serve, as on the corpus' Google, JD and qq pages: a 404 and a
    /// 410 from the page's own server, and images on a host with no such name (plain HTTP and HTTPS).
    /// </summary>
    public static readonly string AbsentImages = Page("Harbour archive", """
        <img src="/photos/missing.jpg" width="320" height="200" alt="boats"> <img src="/photos/withdrawn.jpg" width="320" height="200" alt="market">
        <img src="http://photos.gone-host.invalid/quay.jpg" width="320" height="200" alt="quay"> <img src="https://photos.gone-host.invalid/gulls.jpg" width="320" height="200" alt="gulls">
        """ + Story);

    /// <summary>Facebook's and VK's home page as saved in the corpus: a sign-in form in the header, a sign-up form and little text. The form is the page.</summary>
    public static readonly string SignInHome = Page("Welcome! | Harbour Social", """
        <form id="login_form" action="/login.php?login_attempt=1" method="post"><input type="email" name="email"> <input type="password" name="pass" id="pass"> <button>Log in</button></form>
        <p>Harbour Social helps you connect and share with the people in your life.</p>
        <form id="reg" method="post"><input name="firstname" placeholder="First name"> <input type="password" name="reg_passwd__" placeholder="New password"> <button>Sign up</button></form>
        """);

    /// <summary>A Sohu-style script loader: a placeholder in src, the photo in data-src.</summary>
    public static readonly string Placeholder = Page("Harbour gallery", Story + """
        <img id="photo" src="/placeholder.png" data-src="/photo.png" width="300" height="300" alt="photo">
        """);

    /// <summary>A scroll-triggered loader far below the first screen: the photo's address is only in the page's script, set when its slot comes on screen.</summary>
    public static readonly string ScrollLoader = Page("Harbour panorama", Story + """
        <div style="height:2600px"></div>
        <img id="late" width="300" height="300" alt="panorama">
        <script>
        new IntersectionObserver((entries, observer) => {
          for (const entry of entries) if (entry.isIntersecting) { entry.target.src = '/late-photo.png'; observer.disconnect(); }
        }).observe(document.getElementById('late'));
        </script>
        """);

    /// <summary>WeChat's structure: #js_content hidden until the page's script runs (here the script never arrives), images in data-src.</summary>
    public static readonly string WeChat = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>渔港的一天</title></head>
        <body><div id="img-content" class="rich_media_wrp"><h1 class="rich_media_title" id="activity-name">渔港的一天</h1>
        <div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
        <p>清晨，渔船随着潮水回到港口，海鸥跟在后面，市场里渐渐热闹起来。中午时分，摊位已经空了，广场又恢复了平静。</p>
        <p><img class="rich_pages wxw-img" data-src="/mmbiz/photo.png" data-type="png" data-w="300" style="width:300px;height:300px"></p>
        <p id="wechat-last">这就是渔港平凡而又完整的一天。</p></div></div>
        <script src="/res-wx/appmsg.missing.js"></script></body></html>
        """;

    /// <summary>CSDN's login fold: #article_content cut at a fixed height with a .hide-article-box asking to log in.</summary>
    public static readonly string Csdn = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>港口调度算法详解_渔夫的博客-CSDN博客</title></head>
        <body><div class="blog-content-box"><h1 id="articleContentId" class="title-article">港口调度算法详解</h1>
        <div id="article_content" class="article_content clearfix" style="height: 200px; overflow: hidden;"><div id="content_views" class="markdown_views">
        <p>港口每天有几十艘船进出，如何安排泊位是一个经典的调度问题。</p><p>最简单的办法是先到先得，但这会让大船长时间等待。</p>
        <p>更好的办法是按照船的大小和预计停靠时间排序，优先安排短时间停靠的船。</p><p>在实际系统中，还需要考虑潮汐和天气的影响。</p>
        <p>我们用一个优先队列来实现这个算法，每次取出等待代价最高的船。</p><p>实验表明，这种方法可以把平均等待时间减少三成。</p>
        <p>下面先介绍问题的模型：每艘船有到达时间、停靠时长和吨位三个属性。</p><p>泊位有长度限制，大船只能停在深水泊位。</p>
        <p>目标是让所有船的加权等待时间之和最小。</p><p>这个问题在一般情况下是 NP 难的，所以我们使用启发式算法。</p>
        <p>启发式规则一：短作业优先。</p><p>启发式规则二：大船优先使用深水泊位。</p><p>启发式规则三：涨潮时优先安排吃水深的船。</p>
        <p>把三条规则组合起来，就得到了最终的调度算法。</p>
        <p id="csdn-last">以上就是港口调度算法的全部内容。</p></div></div>
        <div class="hide-article-box hide-article-pos text-center"><a class="btn-readmore" data-report-click="{}">登录后阅读全文</a></div></div>
        </body></html>
        """;

    /// <summary>The last paragraph of every Chinese site fixture: in the article text only when the whole article was saved.</summary>
    public const string SiteLast = "这就是渔港平凡而又完整的一天。";

    private const string SiteStory =
        "<p>清晨，渔船随着潮水回到港口，海鸥跟在后面，市场里渐渐热闹起来。</p><p>中午时分，摊位已经空了，广场又恢复了平静。</p>" +
        "<p>下午，老人们坐在码头边修补渔网，孩子们在石板路上追逐。</p><p>傍晚，灯塔亮起，最后一艘船慢慢驶进港湾。</p>" +
        "<p>夜里，整个小镇安静下来，只有海浪拍打着堤岸。</p><p>第二天清晨，一切又重新开始。</p>";

    // Every sign-in layer below is magenta (#ff00ff) so a screenshot shows whether it is there.
    private static string SitePage(string title, string body) => $$"""
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>body { margin: 0; font-family: sans-serif; } .signin { background: #ff00ff; width: 420px; height: 300px; margin: 15vh auto; }</style></head>
        <body style="overflow:hidden">{{body}}</body></html>
        """;

    /// <summary>
    /// Jianshu (www.jianshu.com/p/…): the article in a hashed-class &lt;article&gt; cut by a fold, images
    /// as .image-view with the real file in data-original-src, the app-download guidance and a sign-in
    /// mask (._23ISFX-mask/-wrap) over the page.
    /// </summary>
    public static readonly string Jianshu = SitePage("渔港的一天 - 简书", $$"""
        <div class="_gp-ck"><section class="ouvJEz"><h1 class="_1RuRku">渔港的一天</h1>
        <article class="_2rhmJa" style="max-height:260px;overflow:hidden">{{SiteStory}}
        <div class="image-package"><div class="image-container" style="max-width:300px"><div class="image-view" data-width="300" data-height="300">
        <img data-original-src="/jianshu/upload_images/photo.png" data-original-width="300" data-original-height="300" data-original-format="image/png" style="width:300px;height:300px"></div></div>
        <div class="image-caption">港口</div></div>
        <p>{{SiteLast}}</p></article></section></div>
        <div class="download-app-guidance" style="position:fixed;bottom:0;left:0;right:0;height:80px;background:#ff00ff">打开简书 App，阅读全文</div>
        <div class="_23ISFX-mask" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:1000"></div>
        <div class="_23ISFX-wrap" style="position:fixed;inset:0;z-index:1001"><div class="signin">登录后可查看更多精彩内容 <button>登录</button></div></div>
        """);

    /// <summary>
    /// Weibo's web client (weibo.com/uid/id): the post's text in .detail_wbtext_4CRf9 cut with 展开,
    /// its picture in .woo-picture-img (lazy, data-src), and the .woo-modal-wrap sign-in layer (.LoginPop).
    /// </summary>
    public static readonly string Weibo = SitePage("渔港的一天 - 微博", $$"""
        <div class="Frame_wrap_3QTYf"><article class="woo-panel-main Feed_wrap_3v9LH"><header class="woo-box-flex">渔港观察者</header>
        <div class="detail_text_1U10O"><div class="detail_wbtext_4CRf9" style="max-height:150px;overflow:hidden">{{SiteStory}}<p>{{SiteLast}}</p></div>
        <span class="expand">展开</span></div>
        <div class="picture_inlineNum1_3ihws"><img class="woo-picture-img" data-src="/weibo/large/photo.png" style="width:300px;height:300px"></div>
        </article></div>
        <div class="woo-modal-wrap" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:1000"><div class="woo-modal-main LoginPop signin">微博登录 <input placeholder="手机号"><button>登录</button></div></div>
        """);

    /// <summary>
    /// A Bilibili article (www.bilibili.com/read/cv… and the newer opus page): .article-holder /
    /// .opus-module-content cut by .opus-read-more, pictures lazy in data-src, the .bili-mini-mask sign-in layer.
    /// </summary>
    public static readonly string Bilibili = SitePage("渔港的一天 - 哔哩哔哩", $$"""
        <div class="opus-detail"><div class="opus-module-title"><span class="opus-module-title__text">渔港的一天</span></div>
        <div class="opus-module-content" style="max-height:260px;overflow:hidden"><div class="article-holder">{{SiteStory}}
        <figure class="img-box"><img data-src="/bilibili/bfs/article/photo.png" class="lazyload" style="width:300px;height:300px"></figure>
        <p>{{SiteLast}}</p></div></div>
        <div class="opus-read-more" style="text-align:center">展开阅读全文</div></div>
        <div class="bili-mini-mask" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:1000"><div class="bili-mini-login signin">登录后你可以：免费看高清视频 <button>登录</button></div></div>
        """);

    /// <summary>
    /// Toutiao (www.toutiao.com/article/…): .article-content with .pgc-img pictures (lazy, data-src),
    /// the body cut in .fold-content, and the byte-modal sign-in layer.
    /// </summary>
    public static readonly string Toutiao = SitePage("渔港的一天 - 今日头条", $$"""
        <div class="article-detail-container"><h1>渔港的一天</h1>
        <div class="article-content"><div class="fold-content" style="max-height:260px;overflow:hidden"><article class="syl-article-base">{{SiteStory}}
        <div class="pgc-img"><img data-src="/toutiao/pgc-image/photo.png" style="width:300px;height:300px"></div>
        <p>{{SiteLast}}</p></article></div></div></div>
        <div class="byte-modal-mask" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:1000"></div>
        <div class="byte-modal-wrapper" style="position:fixed;inset:0;z-index:1001"><div class="signin">登录后查看更多 <button>登录</button></div></div>
        """);
}
