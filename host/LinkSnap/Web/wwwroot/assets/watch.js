// Watching in the library: the schedule control of a link (off, hourly, …, monthly) with its last
// check, the "changed" badge of a link whose watch kept a new version, and the tag watch control.
import { api } from './api.js';
import { h, showError, toast } from './dom.js';
import { t, word, formatDate } from './i18n.js';

export const schedules = ['off', 'hourly', 'daily', 'weekly', 'monthly'];

export function changedBadge(link) {
  if (!link.changedAt) return null;
  return h('span', { class: 'changed', title: t('watch.changedTitle', { date: formatDate(link.changedAt) }) }, t('watch.changed'));
}

function scheduleSelect(id, every, label, onChange) {
  const el = h('select', { id, 'aria-label': label }, schedules.map((s) => h('option', { value: s, selected: s === every }, word('watch.every', s))));
  el.addEventListener('change', () => onChange(el, el.value));
  return el;
}

// What the person needs to trust the schedule: where it comes from, the last check and the next one.
function watchState(watch) {
  const lines = [];
  if (watch.source && watch.source !== 'link' && watch.every !== 'off') lines.push(t('watch.fromTag', { tag: watch.source }));
  lines.push(watch.lastCheckedAt
    ? t('watch.lastCheck', { date: formatDate(watch.lastCheckedAt), outcome: word('watch.outcome', watch.lastOutcome) })
    : t('watch.neverChecked'));
  if (watch.lastOutcome === 'failed' && watch.lastReason) lines.push(watch.lastReason);
  if (watch.checking) lines.push(t('watch.checking'));
  else if (watch.nextDueAt) lines.push(t('watch.nextCheck', { date: formatDate(watch.nextDueAt) }));
  return h('p', { class: 'muted', id: 'watch-state' }, lines.join(' · '));
}

/** The link page's watch section; loads the link's watch itself so the page does not wait for it. */
export function watchControl(linkId) {
  const section = h('div', { class: 'watch', id: 'watch' }, h('p', { class: 'muted' }, t('common.loading')));
  const draw = (watch) => section.replaceChildren(
    h('label', {}, t('watch.every'), ' ', scheduleSelect('watch-every', watch.every, t('watch.every'), async (el, every) => {
      el.disabled = true;
      try {
        const saved = await api.setWatch(linkId, every);
        toast(t('watch.saved', { every: word('watch.every', saved.every) }));
        draw(saved);
      } catch (error) {
        showError(error);
        draw(watch);
      }
    })),
    watchState(watch));
  api.watch(linkId).then(draw, showError);
  return section;
}

/** A tag's watch in the tags page: every link with the tag (or a child tag) is re-captured on the schedule. */
export function tagWatchControl(tag, every) {
  return scheduleSelect(`tag-watch-${tag}`, every, t('watch.tagLabel', { tag }), async (el, value) => {
    el.disabled = true;
    try {
      const saved = await api.setTagWatch(tag, value);
      toast(t('watch.tagSaved', { tag, every: word('watch.every', saved.every), count: saved.links }));
    } catch (error) {
      showError(error);
      el.value = every;
    } finally {
      el.disabled = false;
    }
  });
}
