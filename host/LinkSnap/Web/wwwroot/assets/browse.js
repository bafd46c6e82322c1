// The library: search as you type, filters in the URL, grid or list, infinite scroll by cursor,
// selection with bulk actions, live status from the job events.
import { api } from './api.js';
import { h, showError, clearError } from './dom.js';
import { readState, stateToSearch, stateToApi, stillShown } from './filters.js';
import { renderCard, statusText } from './card.js';
import { renderFilters } from './filter-bar.js';
import { renderBulkBar } from './bulk-bar.js';
import { onJob } from './events.js';
import { attachGridKeys } from './grid-keys.js';
import { t, formatNumber } from './i18n.js';
import { renderOnboarding } from './onboarding.js';

const finalStatuses = new Set(['done', 'partial', 'failed']);

// restore: { scrollY, focus } kept in the history entry when the person left the list (Back returns there).
export function renderBrowse(root, restore = null) {
  let state = readState();
  let cursor = null;
  let total = 0;
  let atLeast = false; // the server stops counting filtered matches at 10,000: "10,000+ links"
  let loading = false;
  let generation = 0;
  let controller = null;
  const selected = new Set();
  let lastPicked = null; // the card a shift-click range starts from

  const items = h('div', { class: `items ${state.view}`, id: 'items', role: 'list' });
  const summary = h('p', { class: 'summary', id: 'summary', 'aria-live': 'polite' });
  const selectAll = h('button', { type: 'button', class: 'link', id: 'select-all', hidden: true, onclick: () => pick([...items.querySelectorAll('.card')], true) }, t('browse.selectAll'));
  const sentinel = h('div', { class: 'sentinel' });
  const bulkHost = h('div');
  const filterHost = h('div');
  root.replaceChildren(filterHost, bulkHost, h('div', { class: 'list-tools' }, summary, selectAll), items, sentinel);

  const setState = (patch, { reload = true, redraw = true } = {}) => {
    state = { ...state, ...patch };
    localStorage.setItem('linksnap-view', state.view);
    history.replaceState(null, '', `/${stateToSearch(state)}`);
    items.className = `items ${state.view}`;
    if (redraw) drawFilters();
    if (reload) load(true);
  };
  const drawFilters = () => filterHost.replaceChildren(renderFilters(state, setState));
  const drawBulk = () => bulkHost.replaceChildren(selected.size ? renderBulkBar([...selected], afterBulk) : '');
  const pick = (cards, on) => {
    for (const el of cards) {
      const id = Number(el.dataset.id);
      if (on) selected.add(id); else selected.delete(id);
      el.setAttribute('aria-selected', on ? 'true' : 'false');
      el.querySelector('.select').checked = on;
    }
    drawBulk();
  };
  // Shift-click selects (or clears) every card between the last one picked and this one.
  const onSelect = (id, on, range) => {
    const cards = [...items.querySelectorAll('.card')];
    const at = cards.findIndex((c) => Number(c.dataset.id) === id);
    const from = range && lastPicked !== null ? cards.findIndex((c) => Number(c.dataset.id) === lastPicked) : -1;
    pick(from < 0 ? [cards[at]].filter(Boolean) : cards.slice(Math.min(from, at), Math.max(from, at) + 1), on);
    lastPicked = id;
  };
  const afterBulk = () => { selected.clear(); drawBulk(); load(true); };
  const card = (link) => renderCard(link, { selected: selected.has(link.id), onSelect, onChange: leaveIfHidden });
  // A card whose new states the view filters out (archived in the default view) leaves the list at once;
  // the keyboard moves on to the next card.
  function leaveIfHidden(link) {
    if (stillShown(state, link)) return;
    const gone = items.querySelector(`[data-id="${CSS.escape(String(link.id))}"]`);
    if (!gone) return;
    const next = gone.nextElementSibling || gone.previousElementSibling;
    const hadFocus = gone.contains(document.activeElement);
    if (selected.delete(link.id)) drawBulk();
    gone.remove();
    if (hadFocus && next?.classList.contains('card')) next.focus();
    total = Math.max(0, total - 1);
    summary.textContent = describe(total, atLeast, state);
  }

  async function load(reset) {
    if (loading && !reset) return;
    if (!reset && !cursor) return;
    const mine = ++generation;
    controller?.abort();
    controller = new AbortController();
    loading = true;
    if (reset) {
      cursor = null;
      summary.textContent = t('common.loading');
    }
    try {
      const page = await api.links(stateToApi(state, reset ? null : cursor));
      if (mine !== generation) return;
      clearError();
      if (reset) items.replaceChildren();
      items.append(...page.items.map(card));
      cursor = page.nextCursor || null;
      total = page.total ?? 0;
      atLeast = page.totalIsLowerBound === true;
      summary.textContent = describe(total, atLeast, state);
      selectAll.hidden = !items.querySelector('.card');
      if (reset && !page.items.length) items.append(isFiltered(state) ? h('p', { class: 'empty' }, t('browse.emptyFiltered')) : renderOnboarding());
    } catch (error) {
      if (mine !== generation) return;
      summary.textContent = '';
      showError(error);
    } finally {
      if (mine === generation) loading = false;
    }
    // Keep filling while the sentinel is still visible (tall screens, small pages).
    if (mine === generation && cursor && isVisible(sentinel)) load(false);
    else if (mine === generation && restore) returnTo();
  }

  // Back to the list: load pages until the old position exists, then scroll there and focus the card.
  function returnTo() {
    const want = restore;
    const focusCard = want.focus && items.querySelector(`[data-id="${CSS.escape(String(want.focus))}"]`);
    if (cursor && !focusCard && document.documentElement.scrollHeight < want.scrollY + window.innerHeight) {
      load(false);
      return;
    }
    restore = null;
    window.scrollTo(0, want.scrollY);
    focusCard?.focus({ preventScroll: true });
    if (window.scrollY < want.scrollY - 1) followLayout(want.scrollY);
  }

  // Thumbnails and favicons still loading make the list shorter than when the person left it, so the
  // scroll falls short; follow the list as it grows, until the place is reached, the person scrolls, or 10 s pass.
  function followLayout(scrollY) {
    const stop = () => { grow.disconnect(); removeEventListener('wheel', stop); removeEventListener('keydown', stop); removeEventListener('touchstart', stop); };
    const grow = new ResizeObserver(() => {
      window.scrollTo(0, scrollY);
      if (window.scrollY >= scrollY - 1) stop();
    });
    grow.observe(document.body);
    for (const type of ['wheel', 'keydown', 'touchstart']) addEventListener(type, stop, { once: true, passive: true });
    setTimeout(stop, 10_000);
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load(false);
  }, { rootMargin: '600px' });
  observer.observe(sentinel);

  const stopJobs = onJob(async (job) => {
    const existing = items.querySelector(`[data-id="${CSS.escape(String(job.linkId))}"]`);
    if (!existing) return;
    if (!finalStatuses.has(job.status)) {
      const badge = existing.querySelector('.status');
      badge.dataset.status = job.status;
      badge.textContent = statusText(job);
      return;
    }
    try {
      existing.replaceWith(card(await api.link(job.linkId)));
    } catch { /* the link may have been deleted meanwhile */ }
  });
  const detachKeys = attachGridKeys(items);

  drawFilters();
  drawBulk();
  load(true);

  return {
    // A link just added from the top box: show it first, at once.
    async showAdded(linkId) {
      const link = await api.link(linkId);
      const existing = items.querySelector(`[data-id="${CSS.escape(String(linkId))}"]`);
      if (existing) existing.remove(); else if (!atLeast) total += 1;
      items.querySelector('.empty, #onboarding')?.remove();
      items.prepend(card(link));
      summary.textContent = describe(total, atLeast, state);
    },
    dispose() {
      observer.disconnect();
      stopJobs();
      detachKeys();
      controller?.abort();
    },
  };
}

function isVisible(el) {
  const rect = el.getBoundingClientRect();
  return rect.top < window.innerHeight + 600;
}

function describe(total, atLeast, state) {
  const n = formatNumber(total ?? 0) + (atLeast ? '+' : '');
  const count = atLeast ? Infinity : Number(total ?? 0);
  return state.q ? t('browse.countMatching', { count, n, q: state.q }) : t('browse.count', { count, n });
}

function isFiltered(state) {
  return Boolean(state.q || state.tags.length || state.site || state.from || state.to || state.status || state.health || state.changed || state.linkState || state.attention);
}
