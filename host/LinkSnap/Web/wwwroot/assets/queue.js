// Capture jobs, live: queued and running first, then recent ones; failed ones can be retried.
import { api } from './api.js';
import { h, showError, clearError, toast } from './dom.js';
import { statusBadge } from './card.js';
import { onJob } from './events.js';
import { t, formatDate } from './i18n.js';

export function renderQueue(root) {
  let pending = null;
  const list = h('div', { class: 'jobs', id: 'jobs' });
  root.replaceChildren(h('h1', {}, t('queue.title')), list);

  const draw = async () => {
    try {
      const page = await api.jobs(100);
      clearError();
      const items = page?.items || [];
      list.replaceChildren(...(items.length ? items.map(job) : [h('p', { class: 'empty' }, t('queue.empty'))]));
    } catch (error) {
      showError(error);
    }
  };
  const job = (s) => h('div', { class: 'job', dataset: { snapshotId: s.id } },
    h('div', {},
      h('a', { href: `/links/${encodeURIComponent(s.linkId)}?snapshot=${encodeURIComponent(s.id)}`, 'data-nav': true }, s.title || s.url),
      h('div', { class: 'muted' }, formatDate(s.createdAt))),
    statusBadge(s),
    s.status === 'failed' || s.status === 'partial'
      ? h('button', { type: 'button', onclick: () => retry(s.id) }, t('action.retry')) : h('span'),
    s.reason ? h('div', { class: 'reason' }, s.reason) : null);
  const retry = async (id) => {
    try { await api.retry(id); toast(t('toast.retryQueued')); await draw(); } catch (error) { showError(error); }
  };

  // Events can come in bursts: redraw at most a few times a second.
  const stop = onJob(() => {
    if (pending) return;
    pending = setTimeout(() => { pending = null; draw(); }, 250);
  });
  draw();
  return { dispose() { stop(); clearTimeout(pending); } };
}

// Keeps the queue counter in the header current.
export function trackQueueCount() {
  const badge = document.getElementById('queue-count');
  const active = new Map();
  const paint = () => {
    badge.textContent = String(active.size);
    badge.hidden = active.size === 0;
  };
  onJob((j) => {
    if (j.status === 'queued' || j.status === 'running') active.set(j.snapshotId, true);
    else active.delete(j.snapshotId);
    paint();
  });
  api.jobs(100).then((page) => {
    for (const s of page?.items || []) if (s.status === 'queued' || s.status === 'running') active.set(s.id, true);
    paint();
  }).catch(() => {});
}
