// Author candidates and their cleaning. Pages write bylines as "ByTravis Haney", "By Laura E. Adkins
// | December 28, 2016", "作者：夕小瑶 · 2021-11-20", "文/张三", "（记者 李四）": what is kept is the
// name(s) only.

// Visible Chinese/Japanese byline labels, most specific first, each followed by the name(s). Each is
// from a real page: "作者：夕小瑶", "执笔人：闵乐夫 赵兰波", "光明日报记者 王建宏 张文攀", "□ 本报记者 葛灵丹",
// "文/张三", "本报实习生 刘国栋 周炜", "作者： 放飞&心情" (a forum handle), "发文机关：吉林省人民政府".
const CJK_LABELS = [
  /(?:作\s*者|撰\s*文|撰\s*稿|著\s*者|筆\s*者|执\s*笔\s*人?|執\s*筆\s*者?|发\s*布\s*者|发\s*帖\s*人|楼\s*主)\s*[:：]\s*([^\n]{1,60})/g,
  /记\s*者(?:\s*[:：]|\s)\s*([^\n]{2,60})/g,
  /(?:^|[\s（(【\[|·])文\s*[/／|]\s*([^\n]{2,40})/g,
  /(?:通讯员|実習生|实习生)\s*[:：]?\s*([^\n]{2,40})/g,
];
// Names written around a mark: "ggjjzhzz 发表于 2005-9-15", "由海姑娘张贴 @ 2005-06-14", "蔡雪婧/摄",
// "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]" (Sohu), and a reporter's credit closing the
// last paragraph of a news story: "…的决心。（常书香 马丹阳 ）", "…的过程吗？”（姚峰 上海报道）".
const CJK_NAME_FIRST = [
  /(?:^|\s)([\p{L}\p{N}_]{2,20})\s+(?:发表于|發表於|发布于|發佈於)/gu,
  /由\s*([\p{L}\p{N}_&]{2,20})\s*(?:张贴|發表|发表|发布|發佈)/gu,
  /(?:^|[\s　])(\p{Script=Han}{2,4})\s*[/／]\s*(?:摄|攝|文)(?![\p{Script=Han}])/gu,
  /[[【]\s*(\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4})*)\s*[\]】][^\p{L}\n]{0,4}(?:来源|來源)/gu,
  /[。！？!?”」][ 　]*[（(]\s*((?:\p{Script=Han}{2,3}\s+)*\p{Script=Han}{2,3})\s*(?:\p{Script=Han}{2,4}报道)?\s*[）)][ 　]*$/gmu,
];
// The editor ("编辑：山石", "【编辑:刘欢】") names a person when no writer is named; the source
// ("来源：尹娟") last, since it names a publication more often than a person.
const CJK_EDITOR = /(?:^|[\s【\[])(?:责任)?编\s*辑\s*[:：]\s*([^\n]{2,40})/g;
const CJK_LAST_RESORT = /(?:来\s*源|來\s*源)\s*[:：]\s*([^\n]{2,40})/g;
// One name: 2-4 Han characters (with · for transliterated names), or a Latin/digit handle.
const NAME_TOKEN = /^(?:\p{Script=Han}{2,4}(?:[·•]\p{Script=Han}{1,6})?|[\p{Script=Latin}\d_.]{2,24})$/u;
// After an explicit label (作者：) a forum handle or an office may be longer and mix scripts ("放飞&心情").
const LABELLED_NAME = /^(?=.*[^\p{Script=Han}])[\p{L}\p{N}_&.·-]{2,12}$/u;
// An issuing office ("发文机关：吉林省人民政府") is a longer Han name.
const OFFICE = /^\p{Script=Han}{2,12}$/u;
const NOT_A_NAME = /^(来源|來源|编辑|編集|责任|發布|发布|时间|時間|日期|本报|报道|記者|记者|摄影|图片|通讯员|网站|首页|更多|分享|评论|阅读|点击|上海|北京|转载|原创|组图|附图|图文|视频|图片|打印|关闭|收藏|返回|顶部|字号|推荐|相关|专题|正文|全文|中国|新闻|国内|国际)$/;
// Publication names end so ("新闻晨报", "巴彦淖尔日报", "新华网"): a source, not a person.
const PUBLICATION = /(报|報|网|網|社|台|刊|杂志|雜誌|频道|頻道|中心|新闻|新聞|媒体|日报|晚报|周刊)$/;

// The names that start `rest`: tokens that look like names, up to the first one that does not.
const namesAt = (rest, labelled) => {
  const names = [];
  // Names are separated by spaces or 、; anything else (a bracket, a comma) ends the list.
  const tokens = rest.replace(/^[\s:：□■]+/, '').split(/[，,;；（）()【】[\]<>《》]/)[0].split(/[\s、\u3000]+/);
  for (const token of tokens) {
    if (token === '') break;
    const cut = token.replace(/(?:来源|來源|时间|時間|日期|发布|發布|编辑|责任|出处|出處)[:：].*$/, '');
    const ok = (NAME_TOKEN.test(cut) || (labelled && names.length === 0 && LABELLED_NAME.test(cut))) && !NOT_A_NAME.test(cut) && !/\d{4}/.test(cut);
    if (!ok) break;
    names.push(cut);
    if (cut !== token || names.length === 6) break;
  }
  return names.length ? names.join(' ') : null;
};

// The first name a pattern finds anywhere in `text` (every match is tried, not only the first).
const firstName = (pattern, text, read) => {
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    const name = read(m[1]);
    if (name) return name;
  }
  return null;
};

// The name in a visible CJK label: the labels of a writer first ("作者：茉莉　来源：…" → "茉莉"), then
// names written before a mark, then the editor, then the source unless it is a publication.
const cjkStrong = (text) => {
  // The label nearest the top wins: a blog's own "作者：" at the foot of a reposted news story
  // ("本报记者 王燕平 …" under its headline) is the reposter.
  let best = null;
  for (const label of CJK_LABELS) {
    label.lastIndex = 0;
    for (const m of text.matchAll(label)) {
      if (best && m.index >= best.at) break;
      const name = namesAt(m[1], true);
      if (name) { best = { at: m.index, name }; break; }
    }
  }
  if (best) return best.name;
  return firstName(/发文机关\s*[:：]\s*([^\n]{2,40})/g, text, (rest) => { const t = rest.trim().split(/\s/)[0]; return OFFICE.test(t) ? t : null; });
};
const cjkWeak = (text, zh) => {
  for (const pattern of CJK_NAME_FIRST.slice(0, zh ? CJK_NAME_FIRST.length : 2)) {
    const name = firstName(pattern, text, (n) => (NOT_A_NAME.test(n) ? null : n.replace(/\s+/g, ' ')));
    if (name) return name;
  }
  return (zh ? nameUnderTitle(text) : null)
    || firstName(CJK_EDITOR, text, (rest) => namesAt(rest, false))
    || firstName(CJK_LAST_RESORT, text, (rest) => { const n = namesAt(rest, false); return n && !PUBLICATION.test(n) ? n : null; });
};
// Kept for the earlier single-text callers: strong labels, then the weaker shapes.
const cjkByline = (text, zh = true) => cjkStrong(text) || cjkWeak(text, zh);

// A name alone on its line just under the headline, as Chinese articles and essays print it
// ("犬儒病(上)\n\n胡平\n\n——当代中国的精神危机"): 2-4 Han characters within the first lines after the title.
const nameUnderTitle = (nearTitle) => {
  const lines = nearTitle.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
  // The line above is a headline, not a menu ("博客首页 | 注册新的博客 | …").
  const headline = (l) => l.length >= 4 && !/[|｜\t]/.test(l);
  for (let i = 1; i < lines.length; i++) {
    if (/^\p{Script=Han}{2,4}$/u.test(lines[i]) && !NOT_A_NAME.test(lines[i]) && headline(lines[i - 1]) && lines[i - 1].length > lines[i].length + 2) return lines[i];
  }
  return null;
};

const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|words|text)\s+)?(?:by|von|por|par|di|door|av|przez)(?:\s*:\s*|\s+)|^(?:author|autor|auteur|autore)\s*:\s*/i;

// "A, B and C" with every part a personal name ("Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman").
const PERSON = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;
const isNameList = (v) => v.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).every((part) => PERSON.test(part));

// Names joined as the page's language writes a list: "A, B and C"; Chinese and Japanese names with a space.
const joinNames = (names) => {
  const unique = [...new Set(names.map(norm).filter(Boolean))];
  if (unique.length <= 1 || unique.some((n) => /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(n))) return unique.join(' ');
  return unique.slice(0, -1).join(', ') + ' and ' + unique[unique.length - 1];
};

// A byline reduced to names; null when nothing name-like is left.
const cleanByline = (raw) => {
  let v = norm(raw);
  if (v === '' || /^https?:\/\//i.test(v) || /^(published|posted|updated|last updated|modified)\b/i.test(v)) return null;
  v = v.replace(/^(?:作\s*者|撰\s*文|记\s*者|文|著\s*者|筆\s*者|编\s*辑)\s*[:：/／]\s*/, '');
  // "ByTravis Haney", "Byby JOSH HASKELL": the prefix glued to the name or doubled.
  v = v.replace(/^by\s*(?=by\b)/i, '').replace(/^By(?=\p{Lu}\p{Ll})/u, 'By ');
  for (let i = 0; i < 2; i++) v = v.replace(BY_PREFIX, '').trim();
  // "Joe DavidsonWashington Post": text of two elements glued together; cut where a word runs into a capital.
  v = v.replace(/^(\S+\s+[^]*?\p{Ll}{2,})(?=\p{Lu}\p{Ll}*\b|\p{Lu}{2,}\b)/u, '$1 | ');
  // A role or a place after the names: "Sam Stein Senior Politics Editor, …", "Michael Larabel in Valve",
  // "Cécile Ducourtieux(Bruxelles, bureau européen)".
  v = v.replace(/\s+(?:(?:\p{Lu}\p{Ll}+\s+){0,2}(?:Editor|Writer|Reporter|Correspondent|Columnist|Contributor|Producer)s?\b|in\s+\p{Lu}).*$/u, '');
  v = v.replace(/(?<=\S)\s*[(（].*$/, '');
  // Cut at a date, a time, a separator or a role that follows the names.
  v = v.split(/\s*(?:[|｜•·—–]|\s[-/]\s|\bon\s+(?=\p{Lu}|\d)|\bupdated\b|\bpublished\b|\bposted\b|,\s*(?:staff|senior|contributing|special)\b|\d{1,2}:\d{2}|\b\d{1,2}\/\d{1,2}\/|\b(?:19|20)\d{2}\b)/iu)[0];
  v = v.replace(new RegExp('\\s*,?\\s*' + MONTH_WORD + '\\s+\\d{1,2}.*$', 'i'), '');
  v = v.replace(/\S+@\S+\.\S+/g, '').replace(/[\s,;:：、(（]+$/, '').replace(/^[\s,;:：、)）]+/, '').trim();
  // "Gillman, Steve": a name written last name first.
  v = v.replace(/^(\p{Lu}[\p{Ll}'’-]+),\s*(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?)$/u, '$2 $1');
  // "赵  培": a two-character name padded to the width of three.
  if (/^\p{Script=Han}(?:\s+\p{Script=Han})+$/u.test(v)) v = v.replace(/\s+/g, '');
  if (v.length < 2 || v.length > 100 || /^\d+$/.test(v) || /^(by|author|admin|staff|anonymous)$/i.test(v)) return null;
  if (/^(photograph|photo|illustration|image|video)s?\b/i.test(v) || /\b(inc|llc|ltd|gmbh|corp|co)\.?$|^condé nast$|株式会社/i.test(v)) return null;
  // Markup, addresses, user ids and lists of site names are not bylines (seen in meta author on portals).
  if (/[=<>{}■@]|www\.|\.(com|cn|net)\b|^[a-z]+_\d+$|作者文章/i.test(v) || ((v.match(/[,，]/g) || []).length >= 2 && !isNameList(v))) return null;
  return v;
};

// The labels of a card field that names the writer.
const WRITTEN_BY = /^(?:written by|author|by|著者|作者|執筆者|筆者)$/i;

// Links to an author's page: "/author/…", "/profile/…", "/by/…" (Kinja, Bustle, Engadget, NYT), and
// WordPress's default author archive "?author=102" (a blog's "[太小心]的博客" link).
const AUTHOR_LINK = ['author', 'authors', 'profile', 'by', 'staff', 'writers', 'editors', 'people', 'contributors'].map((p) => `a[href*="/${p}/" i]`).join(', ') + ', a[href*="?author=" i]';

// The byline printed with the headline, in the block that holds the main <h1>: "By <a href=/author/kathy-wise>
// Kathy Wise</a>" (D Magazine), "By Duncan Bell" in .author-meta (Prospect). It names the story's writer,
// where Yoast's "Written by" card field names the account that posted it (Prospect's editor) and the
// first .byline on the page, which Readability takes, can be another story's in a side list.
const headlineByline = (doc) => {
  const h1 = doc.querySelector('article h1, main h1, [role=main] h1') || [...doc.querySelectorAll('h1')].find(visible);
  let block = h1 && h1.parentElement;
  // The headline's own block: a few levels up, while it is still a header and not the page.
  const selector = `${AUTHOR_LINK}, [rel~=author], [class*=author i], [class*=byline i]`;
  for (let depth = 0; block && depth < 3 && norm(block.textContent).length <= 1500; depth++, block = block.parentElement) {
    // Every author element of the byline ("<a rel=author>A</a> and <a rel=author>B</a>"): the innermost
    // ones that name someone, not their container ("Par <a>Cécile Ducourtieux<span class=author__desc>…").
    const named = [...block.querySelectorAll(selector)].filter((el) => h1.compareDocumentPosition(el) & 4 && visible(el))
      .map((el) => [el, cleanByline(el.textContent)]).filter(([, name]) => name && (PERSON.test(name) || STAFF.test(name)));
    const names = named.filter(([el]) => !named.some(([inner]) => inner !== el && el.contains(inner))).map(([, name]) => name);
    if (names.length) return joinNames(names.slice(0, 6));
  }
  return null;
};

// A newsroom's collective byline ("ZDNet Japan Staff", "TMZ STAFF", "ASCII編集部"): the site's name and
// a word for its staff, an author and not the site name that a byline filter drops.
const STAFF = /\s(?:staff|team|editors|editorial|desk|newsroom|reporters)$|(?:編集部|编辑部)$/i;

// Author candidates in order of trust: [value, source]. `nearTitle` is the text around the title, `text` the page's.
// On a Chinese or Japanese page the visible label comes right after JSON-LD: portals fill meta author
// with their own name or a user id.
const authorCandidates = (doc, metas, ld, article, nearTitle, text, language) => {
  const cjkPage = /^(zh|ja)/i.test(language || ''), zh = /^zh/i.test(language || '');
  const out = [];
  for (const node of ld.articles) {
    const names = ldNames(node.author || node.creator, ld.resolve);
    if (names.length) out.push([joinNames(names), 'json-ld author']);
  }
  const strong = cjkStrong(nearTitle) || cjkStrong(text);
  if (strong && cjkPage) out.push([strong, 'visible CJK label']);
  for (const key of ['author', 'article:author', 'article_author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'byline', 'citation_author', 'citation_authors']) {
    const values = (metas.get(key) || []).filter((v) => !/^https?:/i.test(v));
    if (values.length) out.push([key === 'citation_author' ? joinNames(values) : values[0], 'meta ' + key]);
  }
  const underHeadline = headlineByline(doc);
  if (underHeadline) out.push([underHeadline, 'byline under the headline']);
  // Yoast SEO's and Slack's card fields: twitter:label1 "Written by", the name in twitter:data1 (LinkedIn, WordPress sites).
  for (let i = 1; i <= 4; i++) {
    const label = (metas.get('twitter:label' + i) || [])[0], data = (metas.get('twitter:data' + i) || [])[0];
    if (label && data && WRITTEN_BY.test(norm(label))) out.push([data, 'meta twitter:data (written by)']);
  }
  // Several author elements are several authors ("Julia Carrie Wong and Sam Levin").
  for (const [selector, source] of [['[itemprop~=author]:not(meta)', 'itemprop=author'], ['[rel~=author]', 'rel=author']]) {
    // Only the elements of the first one's byline, not a list of other stories' authors further down.
    const all = [...doc.querySelectorAll(selector)];
    const box = all.length && all[0].parentElement && all[0].parentElement.parentElement;
    const names = all.filter((el, i) => i === 0 || (box && box.contains(el))).map((el) => {
      const name = el.querySelector('[itemprop~=name]');
      // <meta itemprop=name> carries its value in content, or in value on saved pages (Politico, New York).
      return cleanByline(name ? (name.getAttribute('content') || name.getAttribute('value') || name.textContent) : el.textContent);
    }).filter((v) => v && v.length <= 80);
    if (names.length) out.push([joinNames(names.slice(0, 6)), source]);
  }
  if (article && article.byline) out.push([article.byline, 'readability byline']);
  const weak = cjkPage ? cjkWeak(nearTitle, zh) || cjkWeak(text, zh) : null;
  if (weak) out.push([weak, 'visible CJK label']);
  // "writer" is how Japanese templates name the byline (<span class="writer">松村太郎</span>, CNET Japan).
  for (const el of doc.querySelectorAll('[class*=byline i], [class*=author i]:not(body):not(html), [id*=byline i], [class~=writer i]')) {
    const v = norm(el.textContent);
    if (v.length >= 2 && v.length <= 80 && visible(el)) out.push([v, '.byline element']);
  }
  // "By Yomi Kazeem" on a line of its own near the title.
  const byLine = nearTitle.split('\n').map(norm).find((l) => /^by\s+\S/i.test(l) && l.length <= 80);
  if (byLine) out.push([byLine, 'visible "By" line']);
  // Only link text that reads as a person's name ("See all", "Prince" are not bylines).
  const links = [...doc.querySelectorAll(AUTHOR_LINK)].map((a) => norm(a.textContent)).filter((v) => PERSON.test(v) || /^\p{Script=Han}{2,4}$/u.test(v));
  if (links.length) out.push([links[0], 'link to an author page']);
  if (strong && !cjkPage) out.push([strong, 'visible CJK label']);
  return out;
};
