// Sources of the metadata layer: everything a page says about itself, read once into plain lists.
// `value` is read when `content` is absent: saved pages (and some CMSs) write <meta name=… value=…>.

const norm = (s) => (s === null || s === undefined ? '' : String(s)).replace(/\s+/g, ' ').trim();
const orNull = (s) => { const v = norm(s); return v === '' ? null : v; };
const squash = (s) => norm(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// Every <meta> by lower-cased name, property, itemprop and http-equiv, values in document order.
const readMetas = (doc) => {
  const metas = new Map();
  for (const el of doc.querySelectorAll('meta')) {
    const value = orNull(el.hasAttribute('content') ? el.getAttribute('content') : el.getAttribute('value'));
    if (value === null) continue;
    for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
      const k = (el.getAttribute(key) || '').trim().toLowerCase();
      if (k === '') continue;
      if (!metas.has(k)) metas.set(k, []);
      metas.get(k).push(value);
    }
  }
  return metas;
};

const ARTICLE_TYPE = /article|posting|report|news|blog|video|webpage|creativework|review|recipe|podcast/i;

// JSON-LD objects, @graph and nesting flattened, article-like ones first; @id references resolved.
const readJsonLd = (doc) => {
  const all = [];
  const visit = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    if (Array.isArray(node)) { for (const n of node) visit(n, depth + 1); return; }
    all.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
    if (node.mainEntity && typeof node.mainEntity === 'object') visit(node.mainEntity, depth + 1);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try { visit(JSON.parse(s.textContent.replace(/^\s*<!--|-->\s*$/g, '')), 0); } catch (e) { /* a broken block says nothing */ }
  }
  const byId = new Map(all.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'], n]));
  const resolve = (v) => (v && typeof v === 'object' && !Array.isArray(v) && v['@id'] && Object.keys(v).length === 1 && byId.has(v['@id']) ? byId.get(v['@id']) : v);
  const typeOf = (n) => [].concat(n['@type'] || []).join(' ');
  const articles = all.filter((n) => ARTICLE_TYPE.test(typeOf(n)) && !/^(website|breadcrumblist|organization|person|imageobject)$/i.test(typeOf(n)));
  return { all, articles: articles.length ? articles : all, resolve };
};

// A name from any JSON-LD author shape: "Name", {name}, [{name}, …], {"@id"}, name as an array.
const ldNames = (value, resolve) => {
  const names = [];
  for (let v of [].concat(value || [])) {
    v = resolve(v);
    if (typeof v === 'string') names.push(v);
    else if (v && typeof v === 'object') {
      const name = Array.isArray(v.name) ? v.name.join(' ') : v.name;
      if (typeof name === 'string') names.push(name);
      else if (v.givenName || v.familyName) names.push([v.givenName, v.familyName].filter(Boolean).join(' '));
    }
  }
  return names.map(norm).filter((n) => n !== '' && !/^https?:/i.test(n));
};

const ldString = (v) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null);
const ldImage = (v) => {
  const first = [].concat(v || [])[0];
  return typeof first === 'string' ? first : first && typeof first === 'object' ? ldString(first.url) || ldString(first.contentUrl) : null;
};

const visible = (el) => {
  if (!el || !el.isConnected) return true;
  const view = el.ownerDocument.defaultView;
  if (!view || !view.getComputedStyle) return true;
  const style = view.getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
};

// The page's text with block breaks: innerText when rendered, else textContent (a parsed document).
const pageText = (doc) => {
  const body = doc.body;
  if (!body) return '';
  const rendered = body.isConnected && doc.defaultView ? body.innerText : '';
  return rendered && rendered.trim() !== '' ? rendered : body.textContent || '';
};

// The main <h1>: one inside the article or main region, else the first visible one.
const mainHeading = (doc) => {
  const scoped = doc.querySelector('article h1, main h1, [role=main] h1, [itemprop=headline]');
  const first = scoped || [...doc.querySelectorAll('h1')].find(visible);
  return first ? orNull(first.textContent) : null;
};

const hostWords = (url) => {
  try {
    const host = new URL(url).hostname.replace(/^www\d*\./, '');
    return host.split('.').filter((w) => w.length > 2 && !/^(com|net|org|gov|edu|co|jp|cn|uk|de|fr)$/.test(w));
  } catch (e) { return []; }
};
