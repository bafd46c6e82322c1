// The "Details" tab: what is known about one snapshot, including the size of each file.
import { h, formatDate, formatBytes } from './dom.js';

export function renderMetadata(snapshot, link) {
  const m = snapshot.metadata || {};
  const duration = snapshot.startedAt && snapshot.finishedAt
    ? `${((new Date(snapshot.finishedAt) - new Date(snapshot.startedAt)) / 1000).toFixed(1)} s` : '';
  const rows = [
    ['URL', link.url], ['Final URL', m.finalUrl], ['Redirects', (m.redirects || []).join(' → ')],
    ['HTTP status', m.httpStatus], ['Content type', m.contentType], ['Captured', formatDate(snapshot.finishedAt || snapshot.createdAt)],
    ['Took', duration], ['Mode', snapshot.mode], ['Status', snapshot.status], ['Reason', snapshot.reason],
    ['Title', m.title], ['Byline', m.byline], ['Site', m.siteName], ['Language', m.language],
    ['Published', m.publishedTime], ['Description', m.description], ['Page size', formatBytes(m.contentBytes)],
    ['Content hash', m.contentHash], ['Attempts', snapshot.attempts],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  return h('div', { id: 'details' },
    h('dl', { class: 'meta' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
    h('h3', {}, 'Files'),
    h('dl', { class: 'meta', id: 'files' }, (snapshot.artifacts || []).flatMap((a) => [
      h('dt', {}, a.kind),
      h('dd', {}, a.status === 'ok' ? `${a.fileName} · ${formatBytes(a.bytes)}` : `${a.status}${a.error ? ` — ${a.error}` : ''}`),
    ])));
}
