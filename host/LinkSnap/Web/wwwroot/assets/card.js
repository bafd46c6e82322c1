// One link as a card (grid) or a row (list): thumbnail, title, site, date, status, read-later states, tags, snippet.
import { api } from './api.js';
import { h, snippetNodes } from './dom.js';
import { tagEditor } from './tag-editor.js';
import { t, word, formatDate } from './i18n.js';
import { healthBadge } from './health.js';
import { changedBadge } from './watch.js';
import { attentionBadge } from './quality.js';
import { progressBar } from './reading-progress.js';
import { stateButtons } from './link-states.js';

export function statusText(snapshot) {
  if (!snapshot) return t('status.none');
  if (snapshot.status === 'running' && snapshot.stage) return t('status.runningStage', { stage: word('stage', snapshot.stage) });
  // The server answered with an error page: what was saved is that page, not the link's content.
  if (httpFailed(snapshot)) return t(snapshot.gone ? 'status.goneHttp' : 'status.failedHttp', { error: httpError(snapshot) });
  return word('status', snapshot.status);
}

const httpFailed = (snapshot) => snapshot?.httpError && ['partial', 'failed'].includes(snapshot.status);

// "HTTP 404 Not Found": the first problem of the reason names it (ChallengeDetector), else the code alone.
function httpError(snapshot) {
  const first = (snapshot.reason || '').split('; ')[0];
  return first.startsWith(`HTTP ${snapshot.httpError}`) ? first : `HTTP ${snapshot.httpError}`;
}

export function statusBadge(snapshot) {
  return h('span', {
    class: 'status', dataset: { status: httpFailed(snapshot) ? 'failed' : snapshot?.status || 'none' },
    title: snapshot?.reason || '',
  }, statusText(snapshot));
}

// The site's icon where the capture saved one; nothing otherwise (the site's name is beside it).
function favicon(latest) {
  return latest?.faviconUrl ? h('img', { class: 'favicon', src: latest.faviconUrl, alt: '', loading: 'lazy', width: 16, height: 16 }) : null;
}

export function renderCard(link, { selected, onSelect, onChange }) {
  const href = `/links/${encodeURIComponent(link.id)}`;
  const latest = link.latest;
  const site = link.site || hostOf(link.url);
  // Without a thumbnail: a tile with the site's icon (or its initial) and name, coloured by the site.
  const thumb = latest?.hasThumbnail
    ? h('img', { src: api.fileUrl(latest.id, 'thumbnail.webp'), alt: '', loading: 'lazy' })
    : placeholderTile(site, latest);
  const card = h('article', {
    class: 'card', tabindex: 0, 'aria-selected': selected ? 'true' : 'false',
    dataset: { id: link.id, href },
  },
  h('input', {
    class: 'select', type: 'checkbox', checked: selected, 'aria-label': t('card.select', { title: link.title || link.url }),
    tabindex: -1, // the focused card selects with Space: one tab stop per card instead of two
    onclick: (event) => onSelect(link.id, event.target.checked, event.shiftKey),
  }),
  h('a', { class: 'thumb', href, 'data-nav': true, tabindex: -1, 'aria-hidden': 'true' }, thumb),
  h('div', { class: 'body' },
    h('a', { class: 'title', href, 'data-nav': true, title: link.url, tabindex: -1 }, link.title || link.url),
    h('div', { class: 'meta' },
      h('span', { class: 'site' }, favicon(latest), site),
      link.author ? h('span', { class: 'author' }, link.author) : null,
      // The page's own date beside the saved one: ISO as the page gave it, to the day (no time zone to guess).
      link.published ? h('time', { class: 'published', datetime: link.published.slice(0, 10) }, t('card.published', { date: link.published.slice(0, 10) })) : null,
      h('time', { datetime: link.createdAt, title: t('card.saved') }, formatDate(link.createdAt)),
      statusBadge(latest),
      healthBadge(link.health),
      changedBadge(link),
      attentionBadge(latest),
      link.snapshotCount > 1 ? h('span', {}, t('card.versions', { count: link.snapshotCount })) : null,
      link.private ? h('span', { class: 'badge private' }, t('state.private')) : null,
      stateButtons(link, (updated) => {
        const next = renderCard({ ...link, ...updated }, { selected: card.getAttribute('aria-selected') === 'true', onSelect, onChange });
        const hadFocus = card.contains(document.activeElement);
        card.replaceWith(next);
        if (hadFocus) next.focus(); // r, f, e keep the keyboard on the card
        onChange?.(updated);
      }, { inCard: true })),
    latest?.reason && (latest.status === 'failed' || latest.status === 'partial') && latest.reason !== httpError(latest)
      ? h('div', { class: 'snippet reason' }, latest.reason) : null,
    link.snippet ? h('div', { class: 'snippet' }, snippetNodes(link.snippet)) : null,
    progressBar(link),
    tagEditor(link)));
  return card;
}

function placeholderTile(site, latest) {
  const tile = h('span', { class: 'placeholder' },
    latest?.faviconUrl ? h('img', { class: 'placeholder-icon', src: latest.faviconUrl, alt: '', loading: 'lazy' }) : h('span', { class: 'placeholder-initial' }, (site || '?').slice(0, 1).toUpperCase()),
    h('span', { class: 'placeholder-site' }, site));
  tile.style.setProperty('--hue', String(hue(site))); // through the CSSOM: the page's CSP refuses style attributes
  return tile;
}

function hue(text) {
  let n = 0;
  for (const c of text || '') n = (n * 31 + c.codePointAt(0)) % 360;
  return n;
}

export function hostOf(url) {
  try { return new URL(url).host; } catch { return ''; }
}
