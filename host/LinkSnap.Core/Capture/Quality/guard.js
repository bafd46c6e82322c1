// The capture quality guard, evaluated in the captured page (decision 053). Two entry points:
// prepareCapture (fresh captures, before the page is frozen: site rules, scroll-triggered loaders,
// plain "read more" toggles) and checkCapture (every capture, after freezing: the flags).
// Every word, selector and threshold comes from quality-rules.json; this file holds only how to look.

const lower = (s) => (s || '').toLowerCase();
const findPhrase = (text, phrases) => phrases.find(p => text.includes(p)) || null;
const queryAll = (selector) => { try { return Array.from(document.querySelectorAll(selector)); } catch (e) { return []; } };

function isShown(el) {
  if (!el || !el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

function siteRuleFor(rules, host) {
  host = lower(host);
  return rules.sites.find(s => s.hosts.some(h => host === h || host.endsWith('.' + h))) || null;
}

// Fixed or sticky layers over the first screen, sampled on a grid: [{ el, share }] and the share
// of points that any layer covers. A modal's backdrop and its dialog are separate layers; their
// text is read together by the caller.
function firstScreenLayers(rules) {
  const n = rules.firstScreen.grid, w = innerWidth, h = innerHeight;
  const counts = new Map();
  let covered = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = (i + 0.5) * w / n, y = (j + 0.5) * h / n;
      let layer = null;
      for (let el = document.elementFromPoint(x, y); el && el !== document.documentElement; el = el.parentElement) {
        const p = getComputedStyle(el).position;
        if (p === 'fixed' || p === 'sticky') layer = el;
      }
      if (layer) { covered++; counts.set(layer, (counts.get(layer) || 0) + 1); }
    }
  }
  return { share: covered / (n * n), layers: Array.from(counts, ([el, c]) => ({ el, share: c / (n * n) })) };
}

// A site's root (https://facebook.com/, /index.html) or a sign-in address (/login, /accounts/login/,
// /users/sign_in): a capture of it is right to show a sign-in form.
function isSignInPage(rules) {
  let path = location.pathname;
  try { path = decodeURIComponent(path); } catch (e) { /* a malformed escape: match the raw path */ }
  const segments = lower(path).split('/').filter(Boolean);
  if (segments.length === 0 || (segments.length === 1 && segments[0].startsWith('index.'))) return true;
  const last = segments[segments.length - 1].replace(/\.[a-z0-9]+$/, '');
  return rules.login.signInPages.includes(last);
}

function visibleText() {
  return document.body ? (document.body.innerText || '').replace(/\s+/g, ' ').trim() : '';
}

// A toggle whose nearby container is clipped, hiding a large share of its content.
function foldOf(rules, toggle) {
  const t = rules.truncated;
  for (let el = toggle, depth = 0; el && el !== document.body && depth < 5; el = el.parentElement, depth++) {
    const candidates = [el, el.previousElementSibling].concat(Array.from(el.querySelectorAll('*')).slice(0, 200));
    for (const c of candidates) {
      if (!c || c === toggle || c.contains(toggle)) continue;
      const style = getComputedStyle(c);
      if (!/(hidden|clip|auto|scroll)/.test(style.overflowY) && style.maxHeight === 'none' && style.height === 'auto') continue;
      if (c.scrollHeight >= t.minClippedHeight && c.clientHeight > 0 && 1 - c.clientHeight / c.scrollHeight >= t.minHiddenShare && /(hidden|clip)/.test(style.overflowY)) return c;
    }
  }
  return null;
}

function findToggles(rules) {
  const t = rules.truncated, found = [];
  for (const el of queryAll('a, button, [role="button"], span, div, p')) {
    const text = lower((el.textContent || '').trim());
    if (!text || text.length > t.maxToggleText || el.children.length > 2) continue;
    if (!t.toggles.some(p => text.startsWith(p) || text.endsWith(p))) continue;
    if (!isShown(el)) continue;
    const fold = foldOf(rules, el);
    if (fold) found.push({ el, fold, text: (el.textContent || '').trim() });
  }
  return found;
}

const isPlainToggle = (el) => {
  const a = el.closest('a[href]');
  if (!a) return true;
  const href = a.getAttribute('href').trim();
  return href === '' || href.startsWith('#') || lower(href).startsWith('javascript:');
};

const wait = (ms) => new Promise(r => setTimeout(r, ms));
// The next rendering frame has run (IntersectionObserver callbacks, scroll handlers); at most `bound` ms,
// since a page that is not being painted gets no frames.
const frame = (bound) => new Promise(r => { const t = setTimeout(r, bound); requestAnimationFrame(() => setTimeout(() => { clearTimeout(t); r(); }, 0)); });

async function prepareCapture(rules, args) {
  const done = { site: null, expanded: [], scrolled: 0 };
  const site = siteRuleFor(rules, args.host || location.hostname);
  if (site) {
    done.site = site.name;
    for (const sel of site.reveal) for (const el of queryAll(sel)) { el.style.setProperty('visibility', 'visible', 'important'); el.style.setProperty('opacity', '1', 'important'); if (getComputedStyle(el).display === 'none') el.style.setProperty('display', 'block', 'important'); }
    for (const sel of site.remove) for (const el of queryAll(sel)) el.remove();
    for (const sel of site.unclip) for (const el of queryAll(sel)) { el.style.setProperty('max-height', 'none', 'important'); el.style.setProperty('height', 'auto', 'important'); el.style.setProperty('overflow', 'visible', 'important'); }
    if (site.unlockScroll) for (const el of [document.documentElement, document.body]) if (el) el.style.setProperty('overflow', 'auto', 'important');
  }

  // Scroll-triggered loaders (IntersectionObserver, scroll handlers) run only for what has been on screen.
  // Each step waits one rendering frame (when observers and scroll handlers run) and the full step
  // only when that frame started image loads; the waits end once nothing started is still loading,
  // so a plain page pays a few frames, not 12 steps and the image bound (issue 18).
  const height = () => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  if (args.scroll && height() > innerHeight * 1.2) {
    const started = new Set();
    const noteStarted = () => {
      let any = false;
      for (const img of document.images) {
        if (img.complete || started.has(img)) continue;
        const r = img.getBoundingClientRect();
        // A lazy image below or above the screen has not started loading; it is not waited for.
        if (img.loading === 'lazy' && (r.bottom < -innerHeight || r.top > innerHeight * 2)) continue;
        started.add(img);
        any = true;
      }
      return any;
    };
    const pending = () => Array.from(started).some(i => i.isConnected && !i.complete);
    noteStarted();
    for (let y = innerHeight; y < height() && done.scrolled < args.maxScrollSteps; y += innerHeight) {
      scrollTo(0, y);
      done.scrolled++;
      await frame(args.scrollStepMs);
      if (noteStarted()) await wait(args.scrollStepMs);
    }
    scrollTo(0, 0);
    await frame(args.scrollStepMs);
    noteStarted();
    const until = Date.now() + args.imageWaitMs;
    while (Date.now() < until && pending()) { await wait(50); noteStarted(); }
  }

  for (const { el, fold, text } of findToggles(rules)) {
    if (!isPlainToggle(el)) continue;
    el.click();
    const until = Date.now() + rules.truncated.waitMs;
    while (Date.now() < until && fold.isConnected && 1 - fold.clientHeight / Math.max(1, fold.scrollHeight) >= rules.truncated.minHiddenShare) await wait(50);
    if (!fold.isConnected || 1 - fold.clientHeight / Math.max(1, fold.scrollHeight) < rules.truncated.minHiddenShare) done.expanded.push(text);
  }
  scrollTo(0, 0);
  return done;
}

function checkCapture(rules, args) {
  const flags = [];
  const add = (kind, reason) => { if (!flags.some(f => f.kind === kind)) flags.push({ kind, reason }); };
  const text = visibleText(), lowText = lower(text), title = (document.title || '').trim(), lowTitle = lower(title);
  scrollTo(0, 0);

  // Bot checks: only on short pages (real articles rarely use these words, and never at this length).
  const bot = rules.botCheck;
  if (text.length < bot.maxText) {
    const t = bot.titles.find(p => lowTitle.startsWith(p));
    const markers = bot.selectors.filter(s => queryAll(s).length > 0);
    const phrase = findPhrase(lowText, bot.phrases);
    if (t) add('bot-check', `The page looks like a bot challenge or an error page (title "${title}").`);
    else if (markers.length) add('bot-check', `The page looks like a bot challenge or captcha (${markers.join(', ')}).`);
    else if (phrase) add('bot-check', `The page looks like a bot challenge ("${phrase}").`);
  }

  // Error pages: an HTTP error status (the caller adds it), or a short page whose title or main heading says "not found".
  const err = rules.errorPage;
  const h1 = document.querySelector('h1');
  const heading = lower(h1 ? h1.textContent : '');
  if (text.length < err.maxText) {
    const said = findPhrase(lowTitle, err.phrases) || findPhrase(heading, err.phrases);
    if (said) add('error-page', `The page says "${said}" although it was served as a success (a soft error page).`);
  }

  // Layers over the first screen: a login modal or a consent wall.
  const screen = firstScreenLayers(rules);
  const layerText = lower(screen.layers.map(l => l.el.innerText || '').join(' '));
  const layerPassword = screen.layers.some(l => l.el.querySelector('input[type="password"]'));
  if (screen.share >= rules.firstScreen.wallCoverage) {
    const loginWord = findPhrase(layerText, rules.login.layerWords);
    const consentWord = findPhrase(layerText, rules.consent.words);
    const pct = Math.round(screen.share * 100);
    // A known consent platform's element names the layer; else its words do. A banner that leaves
    // most of the page in view is not a wall (the rule; it is what the consent step dismisses).
    const cmp = rules.consent.selectors.find(sel => queryAll(sel).some(isShown));
    if (layerPassword || (loginWord && !consentWord && !cmp)) { if (!isSignInPage(rules)) add('login-wall', `A sign-in layer covers ${pct}% of the first screen ("${layerPassword ? 'password field' : loginWord}").`); }
    else if (cmp) add('consent', `A cookie consent layer (${cmp}) covers ${pct}% of the first screen.`);
    else if (consentWord) add('consent', `A consent layer covers ${pct}% of the first screen ("${consentWord}").`);
  }

  // Login walls as the main content: a password field or "sign in to continue" on a short page.
  // Not on a site's root or sign-in page: there the sign-in form is the page, not a wall before it.
  const login = rules.login;
  if (text.length < login.maxMainText && !isSignInPage(rules)) {
    const password = queryAll('input[type="password"]').some(isShown);
    const phrase = findPhrase(lowText, login.phrases);
    if (password) add('login-wall', 'The page is mostly a sign-in form (a password field and little else).');
    else if (phrase) add('login-wall', `The page asks to sign in ("${phrase}") and shows little else.`);
  }

  // Blank: almost no text and nothing else worth showing (image, canvas, video, frame, embed).
  const blank = rules.blank;
  // A short error, challenge or sign-in page is explained by its own flag, not blank.
  const explained = args.httpError || flags.some(f => f.kind === 'error-page' || f.kind === 'bot-check' || f.kind === 'login-wall');
  if (text.length < blank.maxText && !explained) {
    const media = queryAll('img, canvas, video, svg, iframe, embed, object, picture').some(el => {
      const r = el.getBoundingClientRect();
      return r.width >= blank.minMediaSize && r.height >= blank.minMediaSize && isShown(el) && (el.tagName !== 'IMG' || el.naturalWidth > 0);
    });
    if (!media) add('blank', `The page shows almost nothing (${text.length} characters of text and no images): it may need script, a login or more time.`);
  }

  // Truncated: a "read more" fold still hides most of its text.
  const folds = findToggles(rules);
  if (folds.length) add('truncated', `A "${folds[0].text}" fold still hides ${Math.round((1 - folds[0].fold.clientHeight / folds[0].fold.scrollHeight) * 100)}% of its text${isPlainToggle(folds[0].el) ? '' : ' (its toggle leads to another page)'}.`);

  // Missing images: images on the first screen that never loaded. An image the site itself does not
  // serve (its origin answered 4xx, or its host is gone: args.absentImages) is not missing: there is nothing to save.
  const min = rules.missingImages.minSize;
  const absent = new Set(args.absentImages || []);
  // A broken image with alt text is drawn as its text, whatever its width and height attributes say.
  const size = (img, r, name) => Math.max(name === 'width' ? r.width : r.height, parseInt(img.getAttribute(name), 10) || 0);
  const missing = Array.from(document.images).filter(img => {
    const r = img.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && size(img, r, 'width') >= min && size(img, r, 'height') >= min && isShown(img) && !(img.complete && img.naturalWidth > 0) && !absent.has(img.currentSrc || img.src);
  });
  if (missing.length) add('missing-images', `${missing.length} image${missing.length > 1 ? 's' : ''} on the first screen never loaded (${(missing[0].currentSrc || missing[0].getAttribute('src') || 'no address').slice(0, 120)}).`);
  return { flags };
}
