// The "Details" tab: what is known about one snapshot, including the size of each file.
import { h, formatBytes } from './dom.js';
import { t, word, formatDate, formatNumber } from './i18n.js';

// What the consent step clicked on a fresh capture (decision 072): the consent manager and the action.
function consentFact(consent) {
  return consent ? t(`details.consent.${consent.action}`, { cmp: consent.cmp }) : null;
}

export function renderMetadata(snapshot, link) {
  const m = snapshot.metadata || {};
  const duration = snapshot.startedAt && snapshot.finishedAt
    ? t('details.seconds', { seconds: formatNumber(Number(((new Date(snapshot.finishedAt) - new Date(snapshot.startedAt)) / 1000).toFixed(1))) }) : '';
  const rows = [
    ['url', link.url], ['finalUrl', m.finalUrl], ['redirects', (m.redirects || []).join(' → ')],
    ['httpStatus', m.httpStatus], ['contentType', m.contentType], ['captured', formatDate(snapshot.finishedAt || snapshot.createdAt)],
    ['took', duration], ['mode', word('mode', snapshot.mode)], ['status', word('status', snapshot.status)], ['reason', snapshot.reason],
    ['title', m.title], ['byline', m.byline], ['site', m.siteName], ['language', m.language],
    ['published', formatDate(m.publishedTime) || m.publishedTime], ['description', m.description], ['pageSize', formatBytes(m.contentBytes)],
    ['contentHash', m.contentHash], ['attempts', snapshot.attempts], ['consent', consentFact(m.quality?.consent)],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  return h('div', { id: 'details' },
    h('dl', { class: 'meta' }, rows.flatMap(([k, v]) => [h('dt', {}, t(`details.${k}`)), h('dd', {}, String(v))])),
    h('h3', {}, t('details.files')),
    h('dl', { class: 'meta', id: 'files' }, (snapshot.artifacts || []).flatMap((a) => [
      h('dt', {}, word('artifact', a.kind)),
      h('dd', {}, a.status === 'ok' ? `${a.fileName} · ${formatBytes(a.bytes)}` : `${word('artifactStatus', a.status)}${a.error ? ` — ${a.error}` : ''}`),
    ])));
}
