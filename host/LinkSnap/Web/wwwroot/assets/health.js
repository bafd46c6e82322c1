// Link health in the library: a badge per link (alive, moved, gone, soft-404, unknown), the banner
// of a link whose original is gone ("your copy is the only one"), the "Check original" button and
// "Check all originals" (every link, or those of the one tag filtered on), with its progress.
import { api } from './api.js';
import { h, showError, toast } from './dom.js';
import { t, word, formatDate } from './i18n.js';

export const lostStates = ['gone', 'soft-404'];

export function healthBadge(health) {
  if (!health) return null;
  return h('span', {
    class: 'health', dataset: { health: health.state },
    title: t('health.title', { state: word('health', health.state), date: formatDate(health.checkedAt), reason: health.reason }),
  }, word('health', health.state));
}

// Shown above a link whose original page is gone: what happened, and that the saved copy is all there is.
export function healthBanner(link) {
  const health = link.health;
  if (health?.state === 'moved' && health.movedTo) {
    return h('p', { class: 'health-banner', id: 'health-banner', dataset: { health: 'moved' } },
      t('health.movedBanner'), ' ', h('a', { href: health.movedTo, target: '_blank', rel: 'noopener noreferrer' }, health.movedTo));
  }
  if (!lostStates.includes(health?.state)) return null;
  return h('p', { class: 'health-banner', id: 'health-banner', role: 'status', dataset: { health: health.state } },
    h('strong', {}, t('health.goneBanner')), ' ', t('health.goneReason', { date: formatDate(health.checkedAt), reason: health.reason }));
}

// Checks the link's original now and hands the updated health to onChecked.
export function checkButton(link, onChecked) {
  const button = h('button', { type: 'button', id: 'check-health' }, t('health.check'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('health.checking');
    try {
      const page = await api.checkHealth([link.id]);
      const check = page.checks[0];
      if (check) {
        toast(t('health.checked', { state: word('health', check.state) }));
        onChecked({ state: check.state, reason: check.reason, checkedAt: check.checkedAt, movedTo: check.movedTo });
      }
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
      button.textContent = t('health.check');
    }
  });
  return button;
}

// Checks every link's original (or, with one tag filtered on, that tag's), a page of links per call as
// the API hands them out, saying as it goes how many were checked and how many are gone; onDone
// reloads the list so badges and the "gone" filter show the new states.
export function checkAllButton(state, onDone) {
  const tag = state.tags.length === 1 ? state.tags[0] : null;
  const label = () => (tag ? t('health.checkAllTag', { tag }) : t('health.checkAll'));
  const progress = h('span', { id: 'check-all-progress', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'check-all' }, label());
  button.addEventListener('click', async () => {
    button.disabled = true;
    let checked = 0;
    let lost = 0;
    const say = () => { progress.textContent = t('health.checkAllProgress', { count: checked, lost }); };
    say();
    try {
      let afterId = 0;
      do {
        const page = await api.checkHealthPage({ tag, afterId });
        checked += page.checks.length;
        lost += page.checks.filter((c) => lostStates.includes(c.state)).length;
        say();
        afterId = page.nextAfterId;
      } while (afterId);
      progress.textContent = t('health.checkAllDone', { count: checked, lost });
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'check-all' }, button, ' ', progress);
}
