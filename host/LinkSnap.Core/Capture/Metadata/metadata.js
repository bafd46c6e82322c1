// The metadata layer: each field decided from every source the page has, with the source that won.
// Runs after dates.js, sources.js and bylines.js (same scope). `args` = { now, url, article } where
// article is what the article script returned (Readability's own metadata is one source among many).

// Separators between a title and the site's name: " - 博客", "_新浪网", " | WIRED.jp", "：朝日新聞デジタル".
const TITLE_SEPARATOR = /\s+[|｜\-–—:·•»/]\s+|(?<=[\p{Script=Han}”」）])[-_](?=\p{Script=Han})|\s*[|｜_·]\s*|\s*[：]\s*|\s+::\s+|(?<=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}」』）])[:](?=[\p{L}])/u;

// Site names the page states, for recognizing them in titles.
const siteNames = (metas, ld, url) => {
  const names = [...(metas.get('og:site_name') || []), ...(metas.get('application-name') || []), ...(metas.get('apple-mobile-web-app-title') || [])];
  for (const n of ld.all) if (n.publisher) names.push(...ldNames(n.publisher, ld.resolve));
  return { names: names.map(norm).filter(Boolean), host: hostWords(url) };
};

// How Chinese and Japanese site names end ("新浪网", "人民日报", "朝日新聞デジタル"): a short title part
// ending so is the site, even when the page does not state its name.
const CJK_SITE_END = /(网|網|网站|频道|頻道|博客|新闻|新聞|日报|日報|晚报|在线|官网|社区|论坛|デジタル|ニュース|オンライン|株式会社|開発日誌|日記)$/;

const isSiteName = (part, site) => {
  const p = squash(part);
  if (p === '') return true;
  if (p.length <= 12 && CJK_SITE_END.test(p)) return true;
  if (site.names.some((n) => { const s = squash(n); return s !== '' && (s === p || (p.length >= 3 && s.includes(p)) || (s.length >= 3 && p.includes(s) && p.length - s.length <= 6)); })) return true;
  return site.host.some((w) => p === w || (w.length >= 4 && p.startsWith(w) && p.length <= w.length + 4));
};

// A title without the site's name before or after it; the longest remaining part when the site is unknown.
const stripSite = (title, site, others) => {
  if (!title) return null;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  // A part that another source states whole (og:title, the <h1>) is the title.
  for (const o of others) if (o && o !== title && parts.some((p) => squash(p) === squash(o))) return norm(o);
  let kept = parts;
  while (kept.length > 1 && isSiteName(kept[kept.length - 1], site)) kept = kept.slice(0, -1);
  while (kept.length > 1 && isSiteName(kept[0], site)) kept = kept.slice(1);
  if (kept.length < parts.length) return norm(title.slice(title.indexOf(kept[0]), title.lastIndexOf(kept[kept.length - 1]) + kept[kept.length - 1].length));
  return title;
};

const decideTitle = (doc, metas, ld, article, site) => {
  const first = (k) => (metas.get(k) || [])[0] || null;
  const h1 = mainHeading(doc);
  // Order breaks ties: the <h1> last but one, since a page may hold several and the first can be a logo.
  const raw = [
    [first('og:title'), 'og:title'],
    [ld.articles.map((n) => ldString(n.headline)).find(Boolean), 'json-ld headline'],
    [first('twitter:title'), 'twitter:title'],
    [orNull(doc.title), '<title>'],
    [h1, 'h1'],
    [article && article.title, 'readability title'],
  ].map(([v, s]) => [orNull(v), s]).filter(([v]) => v !== null && v.length <= 300);
  const values = raw.map(([v]) => v);
  const cleaned = raw.map(([v, s]) => [stripSite(v, site, values.filter((o) => o !== v)), s]).filter(([v]) => v && !isSiteName(v, site));
  // The headline a reader sees: the page's one visible <h1> (or the one in its article), when it is
  // a sentence and not the site's name, wins over the titles written for search engines and sharing.
  const visibleH1 = [...doc.querySelectorAll('h1')].filter(visible).map((el) => norm(el.textContent)).filter(Boolean);
  const headline = doc.querySelector('article h1, main h1, [role=main] h1') ? h1 : visibleH1.length === 1 ? visibleH1[0] : null;
  // It must share most of its words with another title source: a logo or section name in an <h1> does not.
  const words = (v) => new Set(norm(v).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const agrees = (v) => raw.some(([o, src]) => src !== 'h1' && (() => { const a = words(v), b = words(o); const common = [...a].filter((w) => b.has(w)).length; return common >= 2 && common >= 0.5 * Math.min(a.size, b.size); })());
  if (headline && agrees(headline) && headline.length >= 12 && headline.length <= 200 && headline.split(/\s+/).length >= 3 && !isSiteName(headline, site)) return { value: headline, source: 'h1', votes: 1 };
  // The value most sources agree on (equal once punctuation and case are set aside), ties by order;
  // of the agreeing spellings, the one with typographic quotes and dashes (the edited one).
  const typographic = (v) => (v.match(/[’‘“”—–…]/g) || []).length;
  let best = null;
  for (const [v, s] of cleaned) {
    const votes = cleaned.filter(([o]) => squash(o) === squash(v)).length;
    if (best === null || votes > best.votes) best = { value: v, source: s, votes };
  }
  if (best) {
    for (const [v, s] of cleaned) if (squash(v) === squash(best.value) && typographic(v) > typographic(best.value)) best = { value: v, source: s, votes: best.votes };
  }
  return best;
};

const decideDate = (candidates, now) => {
  for (const [value, source, relative] of candidates) {
    const iso = parseDate(value, now, !!relative);
    if (iso) return { value: iso, source };
  }
  return null;
};

// Labels a visible date carries; a labelled date beats the first date near the title.
const PUBLISHED_LABEL = /(?:张贴|張貼|发布时间|發布時間|发表时间|發表時間|发布日期|发布于|發佈|发表于|时间|時間|日期|日付|公開日|投稿日|掲載日|更新日時|published|posted|posted on|date)\s*[:：]?\s*/i;

const publishedCandidates = (doc, metas, ld, article, url, nearTitle, text, titleFound, now) => {
  const out = [];
  // A Chinese government document is dated by its 成文日期, the day it was signed: its disclosure page
  // prints it beside the later 发布日期, and the CMS's meta PubDate is the later one (xxgk.jl.gov.cn).
  const signed = text.match(/成文日期\s*[:：]?\s*([^\n]{6,30})/);
  if (signed) out.push([signed[1], 'visible 成文日期']);
  for (const n of ld.articles) for (const key of ['datePublished', 'dateCreated', 'uploadDate']) if (ldString(n[key])) out.push([ldString(n[key]), 'json-ld ' + key]);
  for (const key of ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date', 'citation_date', 'article.published', 'original-publish-date', 'publication_date', 'created']) {
    for (const v of metas.get(key) || []) out.push([v, 'meta ' + key]);
  }
  for (const el of doc.querySelectorAll('[itemprop~=datePublished]:not(meta), time[pubdate], time[class*=publish i], [class*=publish i] time')) {
    out.push([el.getAttribute('datetime') || el.getAttribute('content') || el.textContent, el.matches('time') ? '<time> published' : 'itemprop=datePublished']);
  }
  const header = doc.querySelector('article header time[datetime], header time[datetime], article time[datetime]');
  if (header) out.push([header.getAttribute('datetime'), '<time datetime> in the article header']);
  const label = nearTitle.match(new RegExp(PUBLISHED_LABEL.source + '([^\\n]{6,60})', 'i'));
  if (label) out.push([label[1], 'visible labelled date', true]);
  // Without the title in the text the page's start is its menus: a labelled date anywhere says more.
  const anywhere = titleFound ? null : text.match(new RegExp(PUBLISHED_LABEL.source + '([^\\n]{6,60})', 'i'));
  if (anywhere) out.push([anywhere[1], 'visible labelled date', true]);
  out.push([nearTitle.slice(0, 1500), 'visible date near the title', false]);
  if (article && article.publishedTime) out.push([article.publishedTime, 'readability publishedTime']);
  const inUrl = dateInUrl(url, now);
  if (inUrl) out.push([inUrl, 'url path']);
  const anyTime = doc.querySelector('time[datetime]');
  if (anyTime) out.push([anyTime.getAttribute('datetime'), 'first <time datetime>']);
  // Short relative labels ("3 days ago", "3天前") only from elements that hold nothing else.
  for (const el of doc.querySelectorAll('time, [class*=date i], [class*=time i]')) {
    const t = norm(el.textContent);
    if (t.length > 0 && t.length <= 30) out.push([t, 'visible relative date', true]);
    if (out.length > 200) break;
  }
  return out;
};

const modifiedCandidates = (doc, metas, ld) => {
  const out = [];
  for (const n of ld.articles) if (ldString(n.dateModified)) out.push([ldString(n.dateModified), 'json-ld dateModified']);
  for (const key of ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'lastmod']) for (const v of metas.get(key) || []) out.push([v, 'meta ' + key]);
  for (const el of doc.querySelectorAll('[itemprop~=dateModified]:not(meta)')) out.push([el.getAttribute('datetime') || el.getAttribute('content') || el.textContent, 'itemprop=dateModified']);
  return out;
};

// Language from the text's script (and a few words for Latin-script languages) when none is declared.
const detectLanguage = (text) => {
  const sample = text.slice(0, 5000);
  const count = (re) => (sample.match(re) || []).length;
  const kana = count(/[\u3040-\u30ff]/g), han = count(/[\u4e00-\u9fff]/g), hangul = count(/[\uac00-\ud7af]/g);
  const cyrillic = count(/[\u0400-\u04ff]/g), arabic = count(/[\u0600-\u06ff]/g), latin = count(/[a-z]/gi);
  const top = Math.max(kana + han, hangul, cyrillic, arabic, latin);
  if (top < 20) return null;
  if (top === kana + han) return kana > han * 0.1 ? 'ja' : 'zh';
  if (top === hangul) return 'ko';
  if (top === cyrillic) return 'ru';
  if (top === arabic) return 'ar';
  const words = (re) => count(re);
  const scores = { en: words(/\b(the|and|of|to|is|that|with)\b/gi), de: words(/\b(der|die|und|das|ist|nicht|mit)\b/gi), fr: words(/\b(le|la|les|et|est|des|une)\b/gi), es: words(/\b(el|los|las|y|que|una|por)\b/gi) };
  return Object.entries(scores).sort((a, b) => b[1] - a[1])[0][0];
};

const readMetadata = (doc, args) => {
  const now = args.now, url = args.url || doc.URL, article = args.article || null;
  const metas = readMetas(doc), ld = readJsonLd(doc), site = siteNames(metas, ld, url);
  const first = (keys) => { for (const k of keys) { const v = (metas.get(k) || [])[0]; if (v) return [v, 'meta ' + k]; } return null; };
  const chosen = {}, sources = {};
  const set = (field, pick) => { if (pick && pick[0]) { chosen[field] = pick[0]; sources[field] = pick[1]; } };
  const title = decideTitle(doc, metas, ld, article, site);
  if (title) set('title', [title.value, title.source]);
  const text = pageText(doc);
  const at = title ? text.indexOf(title.value.slice(0, 20)) : -1;
  // Dates and bylines sit just above or below the title.
  const nearTitle = at >= 0 ? text.slice(Math.max(0, at - 300), at + 2000) : text.slice(0, 3000);
  const declared = orNull(doc.documentElement && doc.documentElement.getAttribute('lang'));
  const language = declared || detectLanguage(text);
  // Chinese templates often declare lang="en": the text's script decides which byline rules apply.
  const detected = detectLanguage(text);
  const named = authorCandidates(doc, metas, ld, article, nearTitle, text, /^(zh|ja)/i.test(detected || '') ? detected : language)
    .map(([raw, source]) => [cleanByline(raw), source]).filter(([name]) => name);
  // The site's name is not an author; its staff ("ZDNet Japan Staff") is, when no person is named.
  const siteOnly = ([name]) => isSiteName(name, { names: site.names, host: [] });
  const authors = [...named.filter((c) => !siteOnly(c)), ...named.filter((c) => siteOnly(c) && STAFF.test(c[0]))];
  if (authors.length) {
    // A name in capitals ("KATE DAVIDSON") is written as another source spells it, when one does.
    // The headline's byline, when a named source says the same, is reported as that source.
    const [name, first] = authors[0];
    const same = first === 'byline under the headline' && authors.find(([other, s]) => s !== first && other.toLowerCase() === name.toLowerCase());
    const source = same ? same[1] : first;
    const spelled = /\p{Ll}/u.test(name) ? null : authors.find(([other]) => other.toLowerCase() === name.toLowerCase() && /\p{Ll}/u.test(other));
    set('author', [spelled ? spelled[0] : name, source]);
  }
  const published = decideDate(publishedCandidates(doc, metas, ld, article, url, nearTitle, text, at >= 0, now), now)
    || (issueMonth(text, now) ? { value: issueMonth(text, now), source: 'visible issue month' } : null);
  if (published) set('published', [published.value, published.source]);
  const modified = decideDate(modifiedCandidates(doc, metas, ld), now);
  if (modified) set('modified', [modified.value, modified.source]);
  const siteName = site.names[0] ? [site.names[0], 'og:site_name/publisher'] : null;
  set('siteName', siteName || (article && article.siteName ? [article.siteName, 'readability siteName'] : null));
  set('language', declared ? [declared, 'html lang'] : first(['content-language', 'og:locale', 'dc.language']) || (detectLanguage(text) ? [detectLanguage(text), 'detected from the text'] : null));
  set('description', first(['description', 'og:description', 'twitter:description', 'dc.description']) || (ld.articles.map((n) => ldString(n.description)).find(Boolean) ? [ld.articles.map((n) => ldString(n.description)).find(Boolean), 'json-ld description'] : null));
  const absolute = (v) => { try { const u = new URL(v, url); return /^https?:$/.test(u.protocol) ? u.href : null; } catch (e) { return null; } };
  const image = first(['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'thumbnailurl'])
    || (ld.articles.map((n) => ldImage(n.image) || ldImage(n.thumbnailUrl)).find(Boolean) ? [ld.articles.map((n) => ldImage(n.image) || ldImage(n.thumbnailUrl)).find(Boolean), 'json-ld image'] : null)
    || (doc.querySelector('link[rel~=image_src]') ? [doc.querySelector('link[rel~=image_src]').getAttribute('href'), 'link image_src'] : null);
  if (image && absolute(image[0])) set('image', [absolute(image[0]), image[1]]);
  const canonical = doc.querySelector('link[rel~=canonical i]');
  const canonicalPick = canonical && canonical.getAttribute('href') ? [canonical.getAttribute('href'), 'link canonical'] : first(['og:url']);
  if (canonicalPick && absolute(canonicalPick[0])) set('canonical', [absolute(canonicalPick[0]), canonicalPick[1]]);
  return { ...chosen, sources };
};
