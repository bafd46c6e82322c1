// LinkSnap's article extraction, the body of the function ReadabilityScript.Source evaluates in the
// captured page, after Mozilla Readability's source (so `Readability` is in scope). Readability picks
// the article container on a clone of the document; then the boilerplate it keeps inside that
// container is removed. Every rule is about what a block *is* (its class/id words, its tag, its
// whole text), never about a particular site; each was kept only if it raised F1 on the development
// half of zyte-aeb (docs/benchmarks.md) and checked on the held-out half, or raised it on zh-cwced-dev
// without lowering zyte-aeb (decisions 074, 079, 085).

// Class/id words of blocks that are not article text: sharing, subscribing, related links, ads,
// author boxes, captions and credits, tag lists, comment counters, headings' edit links (MediaWiki's
// "[编辑]"/"[edit]", class mw-editsection).
const BOILERPLATE_CLASS = /(^|[^a-z0-9])(share|sharing|sharebar|social|socials|subscribe|subscription|newsletter|signup|related|recommended|recommendations|readmore|read-more|more-stories|promo|advert|advertisement|ads|ad|sponsor|sponsored|authorbio|author-bio|author-box|authorbox|author-info|about-author|bio|caption|credit|credits|comment-count|comments-count|editsection|outbrain|taboola|breadcrumb|breadcrumbs|tags|toolbar)($|[^a-z0-9])/i;

// The whole (short) text of a block that says what it is.
const BOILERPLATE_TEXT = [
  // Ad labels.
  /^(advertisement|advertising|anzeige|publicidade|publicité|реклама|광고|広告|sponsored( content)?)$/i,
  // Image credits and captions.
  /^(image|photo|photograph|picture|illustration|video|graphic)s?\s*(copyright|credit|courtesy|caption|source|by)?\s*[:©]/i,
  /^\(?(photo|image|credit|source)s?\s*:/i,
  /^(©|\(c\)|credit:|copyright\s)/i,
  // "Read more" / "related" headers of link lists.
  /^(read more|related( articles| stories| posts| content| links| coverage)?|more|see also|also read|read also|you may also like|more from [^.!?]{1,30}|more on [^.!?]{1,30}|recommended( for you)?)\s*:?$/i,
  // Calls to subscribe, follow or share.
  /^(subscribe|sign up|follow us|share this|share on)\b/i,
];

// The same for blocks only (not inline elements, which may be a label inside a real sentence).
const BOILERPLATE_BLOCK_TEXT = [
  // Widget labels: gallery controls, loading placeholders, section tabs, separators.
  /^(image|caption|close|enlarge( image)?|expand|loading( content)?( \.\.\.|…)?|trending( now)?|breaking news|highlights|show more|view more|load more|print|email|_{3,}|-{3,})$/i,
  /^(related|more|read more|see more)\b[^.!?]{0,60}:$/i,
  // Author box links.
  /^(view (all )?(posts|articles|stories)( by [^.!?]{1,40})?|view author archive|email the author|follow (us |him |her |me )?on (twitter|facebook|instagram))$/i,
  /^(this (document|article|content|material) is (subject to|protected by) copyright|all rights reserved)/i,
  /^if you (enjoyed|liked) (this|the) (article|story|post)/i,
  // A blog post's trackback address: "Trackback URL: …", "本文通告引用(Trackback)链接: …".
  /^[^。.!?]{0,30}trackback/i,
  // Chinese pagers: "第1页/共1页", "<< 上一页 | 下一页 >>".
  /^(第\s*\d+\s*页\s*[\/／]\s*共\s*\d+\s*页)?\s*((<<|«)?\s*上一页\s*[|｜]?\s*下一页\s*(>>|»)?)?$/,
  // Chinese page tools under a post: "发表评论 >>>", "[打印]", "[关闭窗口]", "加入博采".
  /^([\[【(（]?\s*(发表评论|我要评论|查看评论|打印|打印本页|打印此文|关闭|关闭窗口|收藏|收藏本文|推荐给朋友|返回顶部|加入博采)\s*[\]】)）]?\s*(>>>|>>|»)?\s*)+$/,  // The header of a list of related links, left behind when the links went ("相关报道：", "【延伸阅读】"):
  // the Chinese counterpart of "Related stories:" above.
  /^[\[【]?\s*(相关|延伸|推荐|更多)(报道|新闻|文章|阅读|链接|专题)\s*[\]】]?\s*[:：]?$/,
];

// Bylines and datelines Readability did not recognize as such (no sentence punctuation).
const BYLINE_TEXT = [/^(by|von|por|par|di)\s[^.!?]{1,70}$/i, /^additional reporting by/i, /^staff reports?$/i];
const DATE_LINE = /^(published|posted|updated|last updated|modified)\b/i;
const DATE_WORDS = /(?<=\d)(st|nd|rd|th)\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|\b(am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|pst|pdt|cet|cest|bst|ist)\b|\b(at|on|um|às|de|le)\b/gi;
// A Chinese dateline: a date with the post's labels (updated, source, author, posted by, views), as
// "2005-04-05 06:40更新 来源：转载文章" or "由海姑娘张贴 @ 2005-06-13 15:00:14 (697)"; never a sentence.
const CN_DATE = /\d{4}\s*[-年\/.]\s*\d{1,2}\s*[-月\/.]\s*\d{1,2}/;
const CN_DATELINE_LABEL = /(更新|来源|作者|编辑|张贴|发表于|发布于|发布时间|访问|点击|浏览|阅读)/;
const isChineseDateline = (text) => CN_DATE.test(text) && CN_DATELINE_LABEL.test(text) && !/[。！？]/.test(text);
// A post's counters: "(本文发表于…, 已被阅读178次)", "《…》已有1件评论", "点击：2301次".
const CN_COUNTER = /(阅读|浏览|点击|访问|围观)\D{0,4}\d+\s*次|\d+\s*[件条篇]\s*(评论|回复|留言)/;
const isChineseCounter = (text) => CN_COUNTER.test(text) && !/[。！？]/.test(text);
// A Chinese reporter line under the headline: "本报记者 王燕平 方云凤", "光明日报记者 王建宏 张文攀",
// "新华网黑龙江频道 记者 伊琳 李清芬": an outlet, a label (记者, 实习生, 通讯员) and names only, no
// punctuation, before the article's first 。 (not ？/！: a headline above it may end in one). The
// counterpart of "By …"; the metadata layer reads the author from it. A reporter's sign-off under the
// last paragraph ("□ 本报记者 葛灵丹") is how the printed article ends, and stays (decision 091).
const CN_BYLINE = /^[^。！？，,:：]{0,16}(记者|实习生|通讯员)\s*[:：]?\s*[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4}){0,5}$/u;
const squeeze = (text) => text.replace(/\s+/g, '');
const isLeadingChineseByline = (el, root) => {
  const t = textOf(el, 40);
  return t !== null && CN_BYLINE.test(t) && squeeze(root.textContent).split('。')[0].includes(squeeze(t));
};
const isDateOnly = (text) => text.length <= 40 && /\d/.test(text) && text.replace(DATE_WORDS, '').replace(/[\d\s.,:\/|\-–—()]+/g, '') === '';

// Photo agencies: a short unpunctuated line naming one is a credit.
const AGENCY = /(getty images|shutterstock|istock|ap photo|afp|reuters|associated press|eyevine|alamy|via getty)/i;

// A class word can mislead ("social" on a story about social media): never drop a block that holds
// this share of the article or more.
const MAX_SHARE = 0.4;

const textOf = (el, max) => {
  const text = el.textContent.replace(/\s+/g, ' ').trim();
  return text !== '' && text.length <= max ? text : null;
};

const textMatches = (el, max, patterns) => {
  const text = textOf(el, max);
  return text !== null && patterns.some((r) => r.test(text));
};

const hasBoilerplateClass = (el) => {
  const words = (typeof el.className === 'string' ? el.className : '') + ' ' + (el.id || '');
  return words.trim() !== '' && BOILERPLATE_CLASS.test(words);
};

// minItems: how many <li> a list needs (0: any block).
const isLinkList = (list, minItems = 3) => {
  const text = list.textContent.replace(/\s+/g, '').length;
  const links = [...list.querySelectorAll('a')].reduce((n, a) => n + a.textContent.replace(/\s+/g, '').length, 0);
  return list.querySelectorAll('li').length >= minItems && text > 0 && links / text > 0.8;
};

// A block that is a list of links in all but name — a table or column of headlines, one link per row
// (old portal templates put these inside the article's table): three links or more, nearly all of its
// text in them.
const isLinkBlock = (el, total) => {
  if (el.textContent.length >= total * MAX_SHARE || el.querySelectorAll('a').length < 3) return false;
  return isLinkList(el, 0);
};

// A site's legal notice under its articles ("反侵权公告：…", "免责声明：…"): the block its label opens.
const LEGAL_NOTICE = /^[【\[（(]?\s*(反侵权公告|侵权公告|版权声明|免责声明|郑重声明|特别声明|版权说明)\s*[】\]）)]?\s*[:：]/;

// Table layouts (old portals and blogs): the article's row holds the text column and a side column
// of categories, archives and latest comments. A cell beside a longer cell, itself two or more
// lists for the most part (seven tenths of its text), is that side column. (Readability may have
// turned the row into a <div>: the cell's siblings are what counts.)
const compact = (el) => el.textContent.replace(/\s+/g, '').length;
// The same column set as short lines instead of lists (section headings, headline links, picture
// captions): a cell beside one three times its length or more, with five lines or more and not one
// of them as long as a sentence. (A data table's label column is shorter: it has no five lines.)
const LONGEST_SIDE_LINE = 40;
const textLines = (el) => {
  const lines = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const line = node.nodeValue.replace(/\s+/g, '');
    if (line.length > 1) lines.push(line);
  }
  return lines;
};
const isSideColumn = (cell) => {
  const cells = [...cell.parentElement.children].filter((c) => c.tagName === 'TD');
  const own = compact(cell);
  if (own === 0 || !cells.some((c) => c !== cell && compact(c) > own)) return false;
  const lists = [...cell.querySelectorAll('ul, ol')].filter((l) => !l.parentElement.closest('ul, ol'));
  if (lists.length >= 2 && lists.reduce((n, l) => n + compact(l), 0) >= own * 0.7) return true;
  const lines = textLines(cell);
  return cells.some((c) => c !== cell && compact(c) >= own * 3) && lines.length >= 5 && lines.every((l) => l.length < LONGEST_SIDE_LINE);
};

// A number or date alone in an inline element is a counter or a dateline, unless the element sits
// inside a word: text pasted from a word processor sets each number of a sentence in its own <span>
// ("杭州小河路<span>44</span>号"). Then the characters on either side touch it.
const INLINE = new Set(['SPAN', 'SMALL', 'TIME']);
const touchesText = (el) => {
  const block = el.parentElement.closest('p, div, li, td, dd, h1, h2, h3, h4, h5, h6') || el.parentElement;
  const walker = el.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let before = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (el.contains(node) || node.nodeValue === '') continue;
    if (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) before = node.nodeValue;
    else return /[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(node.nodeValue);
  }
  return /[\p{L}\p{N}]$/u.test(before);
};
const standsAlone = (el) => !INLINE.has(el.tagName) || !touchesText(el);

// [selector, predicate(element, total article length, article root)]: matching elements are removed, in this order.
const RULES = [
  ['[class], [id]', (el, total) => hasBoilerplateClass(el) && el.textContent.length < total * MAX_SHARE],
  ['figcaption', () => true],
  ['p, div, li, span, figcaption, small, em, strong, h2, h3, h4, h5, h6', (el) => textMatches(el, 160, BOILERPLATE_TEXT)],
  ['nav, [role=navigation], header, footer, aside', (el, total) => el.textContent.length < total * MAX_SHARE],
  ['ul, ol', (el) => isLinkList(el)],
  ['td', isSideColumn],
  ['table, tr, td, div, section, dl', isLinkBlock],
  ['div, section, table, td, p', (el, total) => el.textContent.length < total * MAX_SHARE && LEGAL_NOTICE.test(el.textContent.trim())],
  ['p, div, li, span, time, small, h4, h5, h6', (el) => { const t = textOf(el, 80); return t !== null && /\d/.test(t) && DATE_LINE.test(t); }],
  ['p, div, small, cite', (el) => { const t = textOf(el, 80); return t !== null && !/[.!?]$/.test(t) && AGENCY.test(t); }],
  ['p, div, span, li', (el) => textMatches(el, 20, [/^\d+( of \d+| \/ \d+)?$/]) && standsAlone(el)],
  ['p, div, li, td, h2, h3, h4, h5, h6', (el) => textMatches(el, 200, BOILERPLATE_BLOCK_TEXT)],
  ['p, div, span, small, h4, h5, h6', (el) => textMatches(el, 80, BYLINE_TEXT)],
  ['p, div, td, span, li, small, em, font, h3, h4, h5, h6', (el) => { const t = textOf(el, 80); return t !== null && (isChineseDateline(t) || isChineseCounter(t)); }],
  ['p, div, span, small, time, li, h4, h5, h6', (el) => { const t = textOf(el, 40); return t !== null && isDateOnly(t) && standsAlone(el); }],
  ['p, div, td, span, font, h3, h4, h5, h6', (el, total, root) => isLeadingChineseByline(el, root)],
];

// The headline repeated as the article's first line in a tag Readability does not take for a heading
// (old portals set it in <b> or <font>): the first block whose whole text is the article's opening and
// most of the page's title (at least half of it: a name in bold opening the first sentence stays).
const dropLeadingTitle = (root, title) => {
  const heading = squeeze(title || '');
  const opening = squeeze(root.textContent);
  if (heading === '') return;
  const lead = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, td, b, strong, font, span')].find((el) => {
    const own = squeeze(el.textContent);
    return own.length >= 4 && own.length * 2 >= heading.length && opening.startsWith(own) && heading.includes(own);
  });
  if (lead && compact(lead) < opening.length * MAX_SHARE) lead.remove();
};

// Blocks the page shows folded until the reader opens them (MediaWiki's collapsible tables and
// frames: class mw-collapsed, collapsed, autocollapse): the reader sees only their heading, so the
// article text keeps only that; the folded part stays in the saved page. A folded block's content
// is the part so marked (mw-collapsible-content, NavContent); a folded table without one folds to
// its first row. This is done on the copy of the page Readability reads, before it reads it: it may
// fold a block's content into a plain paragraph and lose the mark.
const FOLDED = '.mw-collapsed, .collapsed, .autocollapse';
const FOLDED_PART = '.mw-collapsible-content, .NavContent';
const foldCollapsed = (root) => {
  for (const block of [...root.querySelectorAll(FOLDED)]) {
    if (!root.contains(block)) continue;
    const parts = [...block.querySelectorAll(FOLDED_PART)].filter((part) => part.parentElement.closest(FOLDED) === block);
    if (parts.length > 0) parts.forEach((part) => part.remove());
    else if (block.tagName === 'TABLE') [...block.rows].slice(1).forEach((row) => row.remove());
  }
};

const clean = (root) => {
  const total = root.textContent.length;
  for (const [selector, isBoilerplate] of RULES) {
    for (const el of [...root.querySelectorAll(selector)]) {
      // Skip what an earlier removal in this pass already took away.
      if (root.contains(el) && isBoilerplate(el, total, root)) el.remove();
    }
  }
};

// Readability keeps a block holding ten commas or more without checking its images and links, but
// counts only the ASCII comma there (its scoring counts the Chinese "，" and Arabic "،" too): a
// Chinese post with three photos and no <p> was thrown away for its "bad p to img ratio". The count
// here uses the same commas as its scoring.
const countChar = Readability.prototype._getCharCount;
Readability.prototype._getCharCount = function (e, s) {
  return (s || ',') === ',' ? this._getInnerText(e).split(this.REGEXPS.commas).length - 1 : countChar.call(this, e, s);
};

// Readability turns `javascript:` links into plain text when it tidies the article it picked (they do
// nothing once scripts are gone), so a column of script-driven links (a slideshow, a pop-up gallery)
// no longer looks like links to the cleaning. They stay links until the cleaning is done: the address
// is moved aside first, so Readability leaves the element alone, and the survivors become text after.
const SCRIPT_LINK = 'data-linksnap-script-link';
const fixUris = Readability.prototype._fixRelativeUris;
Readability.prototype._fixRelativeUris = function (articleContent) {
  for (const link of articleContent.querySelectorAll('a[href]')) {
    if (link.getAttribute('href').startsWith('javascript:')) {
      link.removeAttribute('href');
      link.setAttribute(SCRIPT_LINK, '');
    }
  }
  return fixUris.call(this, articleContent);
};
const unwrapScriptLinks = (root) => {
  for (const link of [...root.querySelectorAll(`a[${SCRIPT_LINK}]`)]) {
    const single = link.childNodes.length === 1 && link.firstChild.nodeType === Node.TEXT_NODE;
    const replacement = single ? link.ownerDocument.createTextNode(link.textContent) : link.ownerDocument.createElement('span');
    while (!single && link.firstChild) replacement.appendChild(link.firstChild);
    link.replaceWith(replacement);
  }
};

// A document's register card: the small table of labelled fields an official notice opens with
// (索引号：, 发文机关：, 发文字号：, 成文日期：… — "Index no.:", "Issued by:", "Date:"). Sites set it
// above the document's own container, so Readability leaves it out, yet it says what the document
// is. A table is such a card when four of its cells or more are a short label ending in a colon with
// a value in the next cell. It is put back at the top of the article when it comes just before the
// article in the page (the article's opening is within its next few lines: only sharing buttons or
// nothing between); the nearest one, as a page may carry a second copy laid out for small screens.
const CARD_LABEL = /^[^\s:：]{1,10}[:：]$/;
const CARD_REACH = 300;
const isRegisterCard = (table) => {
  const labels = [...table.querySelectorAll('td, th')].filter((cell) => {
    const next = cell.nextElementSibling;
    return CARD_LABEL.test(cell.textContent.replace(/\s+/g, '')) && next !== null && next.textContent.trim() !== '';
  });
  return labels.length >= 4 && !table.querySelector('table');
};
const textAfter = (el, length) => {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body || doc.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = el;
  let text = '';
  for (let node = walker.nextNode(); node && text.length < length; node = walker.nextNode()) {
    if (el.contains(node) || node.parentElement.closest('script, style, noscript, template')) continue;
    text += node.nodeValue.replace(/\s+/g, '');
  }
  return text;
};
const findRegisterCards = (doc) => [...doc.querySelectorAll('table')].filter(isRegisterCard)
  .map((table) => ({ table: table.cloneNode(true), after: textAfter(table, CARD_REACH) }));
const restoreRegisterCard = (content, cards) => {
  const text = content.textContent.replace(/\s+/g, '');
  const opening = text.slice(0, 20);
  if (opening.length < 10 || cards.some((c) => text.includes(c.table.textContent.replace(/\s+/g, '')))) return;
  const near = cards.map((c) => ({ ...c, at: c.after.indexOf(opening) })).filter((c) => c.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!near) return;
  const card = content.ownerDocument.importNode(near.table, true);
  for (const el of [...card.querySelectorAll('script, style, noscript, template')]) el.remove();
  for (const el of [card, ...card.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (name !== 'colspan' && name !== 'rowspan') el.removeAttribute(name);
  }
  content.prepend(card);
};

// Classes are kept for the cleaning above and dropped afterwards, as Readability does by default;
// the serializer hands back the element itself instead of its HTML. With `html` (the fetched
// document) the article is read from that instead of the live DOM: a page whose parser is still
// blocked on a script that never arrives has no body yet.
const source = typeof html === 'string' && html !== '' ? new DOMParser().parseFromString(html, 'text/html') : document.cloneNode(true);
const registerCards = findRegisterCards(source);
foldCollapsed(source);
const article = new Readability(source, { charThreshold: 200, keepClasses: true, serializer: (el) => el }).parse();
if (!article) return null;

const content = article.content;
clean(content);
dropLeadingTitle(content, source.title);
unwrapScriptLinks(content);
restoreRegisterCard(content, registerCards);
for (const el of [content, ...content.querySelectorAll('[class]')]) {
  if (el.className !== 'page') el.removeAttribute('class');
}

return {
  title: article.title || null, byline: article.byline || null, dir: article.dir || null,
  lang: article.lang || null, content: content.innerHTML || null, textContent: content.textContent || null,
  excerpt: article.excerpt || null, siteName: article.siteName || null, publishedTime: article.publishedTime || null,
};
