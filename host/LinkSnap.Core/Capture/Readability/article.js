// LinkSnap's article extraction: Mozilla Readability (in scope above) on a clone of the page, then the
// boilerplate it keeps inside the article container removed. Rules are about what a block *is*
// (its class/id words, its tag, its text), never about a particular site.
const RULES = { classes: true, share: 0.4, captions: true, textLines: true, nav: true, linkLists: true, linkListItems: 3, dates: true, credits: true, numbers: true };

// Class/id words of blocks that are never article text: sharing, subscribing, related links, ads,
// author boxes, captions and credits, comment counters.
const BOILERPLATE = /(^|[^a-z0-9])(share|sharing|sharebar|social|socials|subscribe|subscription|newsletter|signup|related|recommended|recommendations|readmore|read-more|more-stories|promo|advert|advertisement|ads|ad|sponsor|sponsored|authorbio|author-bio|author-box|authorbox|author-info|about-author|bio|caption|credit|credits|comment-count|comments-count|outbrain|taboola|breadcrumb|breadcrumbs|tags|toolbar)($|[^a-z0-9])/i;

// Whole short blocks whose text says what they are: ad labels, calls to subscribe or follow,
// "read more" lines, image credits.
const BOILERPLATE_TEXT = [
  /^(advertisement|advertising|anzeige|publicidade|publicité|реклама|광고|広告|sponsored( content)?)$/i,
  /^(image|photo|photograph|picture|illustration|video|graphic)s?\s*(copyright|credit|courtesy|caption|source|by)?\s*[:©]/i,
  /^\(?(photo|image|credit|source)s?\s*:/i,
  /^(©|\(c\)|credit:|copyright\s)/i,
  /^(read more|related( articles| stories| posts| content| links| coverage)?|more|see also|also read|read also|you may also like|more from [^.!?]{1,30}|more on [^.!?]{1,30}|recommended( for you)?)\s*:?$/i,
  /^(subscribe|sign up|follow us|share this|share on)\b/i,
];

const isBoilerplateElement = (el) => {
  const words = ((typeof el.className === 'string' ? el.className : '') + ' ' + (el.id || ''));
  return words.trim() !== '' && BOILERPLATE.test(words);
};

const shortText = (el, max) => {
  const text = el.textContent.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : null;
};

const clean = (root) => {
  const total = root.textContent.length;
  if (RULES.classes) {
    // A class word can be misleading ("social" on a column about social media): never drop a
    // block that holds a large part of the article.
    for (const el of [...root.querySelectorAll('[class], [id]')]) {
      if (root.contains(el) && isBoilerplateElement(el) && el.textContent.length < total * RULES.share) {
        el.remove();
      }
    }
  }

  if (RULES.captions) {
    for (const el of [...root.querySelectorAll('figcaption')]) el.remove();
  }

  if (RULES.textLines) {
    for (const el of [...root.querySelectorAll('p, div, li, span, figcaption, small, em, strong, h2, h3, h4, h5, h6')]) {
      if (!root.contains(el)) continue;
      const text = shortText(el, 160);
      if (text !== null && text !== '' && BOILERPLATE_TEXT.some((r) => r.test(text))) el.remove();
    }
  }

  if (RULES.nav) {
    for (const el of [...root.querySelectorAll('nav, [role=navigation], header, footer, aside')]) if (root.contains(el) && el.textContent.length < total * RULES.share) el.remove();
  }

  if (RULES.linkLists) {
    for (const el of [...root.querySelectorAll('ul, ol')]) {
      if (!root.contains(el)) continue;
      const items = el.querySelectorAll('li');
      const text = el.textContent.replace(/\s+/g, '').length;
      const links = [...el.querySelectorAll('a')].reduce((n, a) => n + a.textContent.replace(/\s+/g, '').length, 0);
      if (items.length >= RULES.linkListItems && text > 0 && links / text > 0.8) el.remove();
    }
  }

  if (RULES.dates) {
    for (const el of [...root.querySelectorAll('p, div, li, span, time, small, h4, h5, h6')]) {
      if (!root.contains(el)) continue;
      const text = shortText(el, 80);
      if (text && /\d/.test(text) && /^(published|posted|updated|last updated|modified|date|on)\b/i.test(text)) el.remove();
    }
  }

  if (RULES.credits) {
    for (const el of [...root.querySelectorAll('p, div, small, cite')]) {
      if (!root.contains(el)) continue;
      const text = shortText(el, 80);
      if (text && !/[.!?]$/.test(text) && /(getty images|shutterstock|istock|ap photo|afp|reuters|associated press|eyevine|alamy|via getty)/i.test(text)) el.remove();
    }
  }

  if (RULES.numbers) {
    for (const el of [...root.querySelectorAll('p, div, span, li')]) {
      if (!root.contains(el)) continue;
      const text = shortText(el, 20);
      if (text && /^\d+( of \d+| \/ \d+)?$/.test(text)) el.remove();
    }
  }

  if (RULES.tables) {
    for (const el of [...root.querySelectorAll('table')]) if (root.contains(el) && el.textContent.length < total * RULES.share) el.remove();
  }

  if (RULES.headings) {
    for (const el of [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')]) el.remove();
  }
};

const article = new Readability(document.cloneNode(true), {
  charThreshold: 200,
  keepClasses: true,
  serializer: (el) => el,
}).parse();
if (!article) return null;

const content = article.content;
clean(content);

// What Readability does without keepClasses: no page classes in the reader view.
for (const el of [content, ...content.querySelectorAll('[class]')]) {
  if (el.className !== 'page') el.removeAttribute('class');
}

return {
  title: article.title || null, byline: article.byline || null, dir: article.dir || null,
  lang: article.lang || null, content: content.innerHTML || null, textContent: content.textContent || null,
  excerpt: article.excerpt || null, siteName: article.siteName || null, publishedTime: article.publishedTime || null,
};
