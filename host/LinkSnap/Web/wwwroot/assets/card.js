// One link as a card (grid) or a row (list): thumbnail, title, site, date, status, read-later states, tags, snippet.
import { api } from './api.js';
import { h, snippetNodes } from './dom.js';
import { tagEditor } from './tag-editor.js';
import { t, word, formatDate } from './i18n.js';
import { healthBadge } from './health.js';
import { changedBadge } from './watch.js';
import { attentionBadge } from './quality.js';
import { stateButtons } from './link-states.js';

export function statusText(snapshot) {
  if (!snapshot) return t('status.none');
  if (snapshot.status === 'running' && snapshot.stage) return t('status.runningStage', { stage: word('stage', snapshot.stage) });
  return word('status', snapshot.status);
}

export function statusBadge(snapshot) {
  return h('span', {
    class: 'status', dataset: { status: snapshot?.status || 'none' },
    title: snapshot?.reason || '',
  }, statusText(snapshot));
}

export function renderCard(link, { selected, onSelect, onChange }) {
  const href = `/links/${encodeURIComponent(link.id)}`;
  const latest = link.latest;
  const thumb = latest?.hasThumbnail
    ? h('img', { src: api.fileUrl(latest.id, 'thumbnail.webp'), alt: '', loading: 'lazy' })
    : h('span', { class: 'placeholder' }, (link.site || link.title || '?').slice(0, 1).toUpperCase());
  const card = h('article', {
    class: 'card', tabindex: 0, 'aria-selected': selected ? 'true' : 'false',
    dataset: { id: link.id, href },
  },
  h('input', {
    class: 'select', type: 'checkbox', checked: selected, 'aria-label': t('card.select', { title: link.title || link.url }),
    onchange: (event) => onSelect(link.id, event.target.checked),
  }),
  h('a', { class: 'thumb', href, 'data-nav': true, tabindex: -1, 'aria-hidden': 'true' }, thumb),
  h('div', { class: 'body' },
    h('a', { class: 'title', href, 'data-nav': true, title: link.url }, link.title || link.url),
    h('div', { class: 'meta' },
      h('span', { class: 'site' }, link.site || hostOf(link.url)),
      h('time', { datetime: link.createdAt }, formatDate(link.createdAt)),
      statusBadge(latest),
      healthBadge(link.health),
      changedBadge(link),
      attentionBadge(latest),
      link.snapshotCount > 1 ? h('span', {}, t('card.versions', { count: link.snapshotCount })) : null,
      link.private ? h('span', { class: 'badge private' }, t('state.private')) : null,
      stateButtons(link, (updated) => { card.replaceWith(renderCard({ ...link, ...updated }, { selected, onSelect, onChange })); onChange?.(updated); })),
    latest?.reason && (latest.status === 'failed' || latest.status === 'partial')
      ? h('div', { class: 'snippet reason' }, latest.reason) : null,
    link.snippet ? h('div', { class: 'snippet' }, snippetNodes(link.snippet)) : null,
    tagEditor(link)));
  return card;
}

export function hostOf(url) {
  try { return new URL(url).host; } catch { return ''; }
}
