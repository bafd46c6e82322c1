// Author candidates and their cleaning. Pages write bylines as "ByTravis Haney", "By Laura E. Adkins
// | December 28, 2016", "作者：夕小瑶 · 2021-11-20", "文/张三", "（记者 李四）": what is kept is the
// name(s) only.

// Visible Chinese/Japanese byline labels, most specific first, each followed by the name(s); 来源 (the
// source) last, since it names a publication more often than a person. Each is from a real page:
// "作者：夕小瑶", "执笔人：闵乐夫 赵兰波", "光明日报记者 王建宏 张文攀", "□ 本报记者 葛灵丹", "文/张三",
// "来源: 尹娟".
const CJK_LABELS = [
  /(?:作\s*者|撰\s*文|撰\s*稿|著\s*者|筆\s*者|执\s*笔\s*人?|執\s*筆\s*者?|发\s*布\s*者|发\s*帖\s*人|楼\s*主)\s*[:：]\s*([^\n]{1,60})/,
  /记\s*者\s*[:：]?\s*([^\n]{2,60})/,
  /(?:^|[\s（(【\[|·])文\s*[/／|]\s*([^\n]{2,40})/,
  /(?:通讯员|実習生|实习生)\s*[:：]?\s*([^\n]{2,40})/,
];
// Names written before a mark: "ggjjzhzz 发表于 2005-9-15", "蔡雪婧/摄", "（姚峰 上海报道）", "（常书香 马丹阳 ）".
const CJK_NAME_FIRST = [
  /(?:^|\s)([\p{L}\p{N}_]{2,20})\s+(?:发表于|發表於|发布于|發佈於)/u,
  /(?:^|[\s　])(\p{Script=Han}{2,4})\s*[/／]\s*(?:摄|攝|文)(?![\p{Script=Han}])/u,
  /[（(]\s*((?:\p{Script=Han}{2,3}\s+)*\p{Script=Han}{2,3})\s*(?:\p{Script=Han}{2,4}报道)?\s*[）)]/u,
];
const CJK_LAST_RESORT = /(?:来\s*源|來\s*源)\s*[:：]\s*([^\n]{2,40})/;
// One name: 2-4 Han characters (with · for transliterated names), or a Latin/digit handle.
const NAME_TOKEN = /^(?:\p{Script=Han}{2,4}(?:[·•]\p{Script=Han}{1,6})?|[\p{Script=Latin}\d_.]{2,24})$/u;
const NOT_A_NAME = /^(来源|來源|编辑|編集|责任|發布|发布|时间|時間|日期|本报|报道|記者|记者|摄影|图片|通讯员|网站|首页|更多|分享|评论|阅读|点击|上海|北京|转载)$/;

// The names that start `rest`: tokens that look like names, up to the first one that does not.
const namesAt = (rest) => {
  const names = [];
  for (const token of rest.replace(/^[\s:：□■]+/, '').split(/[\s、，,;；\u3000（）()【】[\]]+/)) {
    if (token === '') break;
    if (!NAME_TOKEN.test(token) || NOT_A_NAME.test(token) || /\d{4}/.test(token)) break;
    names.push(token);
    if (names.length === 6) break;
  }
  return names.length ? names.join(' ') : null;
};

const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|words|text)\s+)?(?:by|von|por|par|di|door|av|przez)(?:\s*:\s*|\s+)|^(?:author|autor|auteur|autore)\s*:\s*/i;

// A byline reduced to names; null when nothing name-like is left.
const cleanByline = (raw) => {
  let v = norm(raw);
  if (v === '' || /^https?:\/\//i.test(v) || /^(published|posted|updated|last updated|modified)\b/i.test(v)) return null;
  v = v.replace(/^(?:作\s*者|撰\s*文|记\s*者|文|著\s*者|筆\s*者|编\s*辑)\s*[:：/／]\s*/, '');
  // "ByTravis Haney": the prefix glued to the name.
  v = v.replace(/^By(?=\p{Lu}\p{Ll})/u, 'By ');
  for (let i = 0; i < 2; i++) v = v.replace(BY_PREFIX, '').trim();
  // "Joe DavidsonWashington Post": text of two elements glued together; cut where a word runs into a capital.
  v = v.replace(/^(\S+\s+[^]*?\p{Ll}{2,})(?=\p{Lu}\p{Ll}*\b|\p{Lu}{2,}\b)/u, '$1 | ');
  // Cut at a date, a time, a separator or a role that follows the names.
  v = v.split(/\s*(?:[|｜•·—–]|\s[-/]\s|\bon\s+(?=\p{Lu}|\d)|\bupdated\b|\bpublished\b|\bposted\b|,\s*(?:staff|senior|contributing|special)\b|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b)/iu)[0];
  v = v.replace(new RegExp('\\s*,?\\s*' + MONTH_WORD + '\\s+\\d{1,2}.*$', 'i'), '');
  v = v.replace(/\S+@\S+\.\S+/g, '').replace(/[\s,;:：、(（]+$/, '').replace(/^[\s,;:：、)）]+/, '').trim();
  if (v.length < 2 || v.length > 100 || /^\d+$/.test(v) || /^(by|author|admin|staff|anonymous)$/i.test(v)) return null;
  if (/^(photograph|photo|illustration|image|video)s?\b/i.test(v) || /\b(inc|llc|ltd|gmbh|corp|co)\.?$|^condé nast$|株式会社/i.test(v)) return null;
  // Markup, addresses, user ids and lists of site names are not bylines (seen in meta author on portals).
  if (/[=<>{}■]|www\.|\.(com|cn|net)\b|^[a-z]+_\d+$|作者文章/i.test(v) || (v.match(/[,，]/g) || []).length >= 2) return null;
  return v;
};

// The name in a visible CJK label ("作者：茉莉　来源：…" → "茉莉"), or null.
const cjkByline = (text) => {
  for (const label of CJK_LABELS) {
    const m = label.exec(text);
    const name = m && namesAt(m[1]);
    if (name) return name;
  }
  for (const pattern of CJK_NAME_FIRST) {
    const m = pattern.exec(text);
    if (m && !NOT_A_NAME.test(m[1])) return m[1].replace(/\s+/g, ' ');
  }
  const m = CJK_LAST_RESORT.exec(text);
  return m ? namesAt(m[1]) : null;
};

// Author candidates in order of trust: [value, source].
// On a Chinese or Japanese page the visible label comes right after JSON-LD: portals fill meta author
// with their own name or a user id.
const authorCandidates = (doc, metas, ld, article, text, cjkFirst) => {
  const out = [];
  for (const node of ld.articles) for (const name of ldNames(node.author || node.creator, ld.resolve)) out.push([name, 'json-ld author']);
  const cjk = cjkByline(text);
  if (cjk && cjkFirst) out.push([cjk, 'visible CJK label']);
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'byline', 'citation_author']) {
    for (const v of metas.get(key) || []) if (!/^https?:/i.test(v)) out.push([v, 'meta ' + key]);
  }
  for (const el of doc.querySelectorAll('[itemprop~=author]:not(meta), [rel~=author]')) {
    const name = el.querySelector('[itemprop~=name]');
    const v = name ? (name.getAttribute('content') || name.textContent) : el.textContent;
    if (norm(v).length <= 80) out.push([v, el.hasAttribute('itemprop') ? 'itemprop=author' : 'rel=author']);
  }
  if (article && article.byline) out.push([article.byline, 'readability byline']);
  for (const el of doc.querySelectorAll('[class*=byline i], [class*=author i]:not(body):not(html), [id*=byline i]')) {
    const v = norm(el.textContent);
    if (v.length >= 2 && v.length <= 80 && visible(el)) out.push([v, '.byline element']);
  }
  if (cjk && !cjkFirst) out.push([cjk, 'visible CJK label']);
  return out;
};
