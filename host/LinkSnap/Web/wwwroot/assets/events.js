// Live job updates from /api/events (server-sent events). One connection for the whole page;
// EventSource reconnects by itself, and when the browser gives up we retry with a growing delay.
import { t } from './i18n.js';

const listeners = new Set();
let source = null;
let retryDelay = 1000;

function setState(state) {
  const dot = document.getElementById('live');
  if (dot) {
    dot.dataset.state = state;
    dot.title = state === 'open' ? t('live.on') : t('live.reconnecting');
  }
}

function connect() {
  source = new EventSource('/api/events');
  source.addEventListener('open', () => { retryDelay = 1000; setState('open'); });
  source.addEventListener('job', (event) => {
    let job;
    try { job = JSON.parse(event.data); } catch { return; }
    for (const listener of listeners) {
      try { listener(job); } catch (error) { console.error(error); }
    }
  });
  source.addEventListener('error', () => {
    setState('retrying');
    if (source.readyState === EventSource.CLOSED) {
      source = null;
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    }
  });
}

export function startEvents() {
  if (!source) connect();
}

// Calls `listener(job)` for every job event; returns a function that unsubscribes.
export function onJob(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
