// Export as a download from GET /api/export (docs/export.md): what the list shows (the whole
// library, a tag, a search: the current filters) or the ticked links. A plain link with the
// session cookie: the daemon streams the file, the page stays where it is.
import { h } from './dom.js';
import { t } from './i18n.js';
import { stateToApi } from './filters.js';

const formats = [
  ['html', 'export.formatHtml'],
  ['json', 'export.formatJson'],
  ['csv', 'export.formatCsv'],
  ['zip', 'export.formatZip'],
  ['wacz', 'export.formatWacz'],
];

// The export URL for a format and either the browse state or picked link ids.
export function exportUrl(format, { state = null, ids = null }) {
  const p = new URLSearchParams(state ? stateToApi(state) : '');
  for (const key of ['limit', 'cursor', 'sort', 'order']) p.delete(key);
  if (ids) p.set('ids', ids.join(','));
  p.set('format', format);
  return `/api/export?${p}`;
}

export function renderExportMenu(selection, id = 'export') {
  const format = h('select', { id: `${id}-format`, 'aria-label': t('export.format') },
    formats.map(([value, key]) => h('option', { value }, t(key))));
  const link = h('a', {
    id: `${id}-link`, class: 'button', href: exportUrl('html', selection), download: '',
    title: selection.ids ? t('export.selectedTitle') : t('export.shownTitle'),
  }, t('export.action'));
  format.addEventListener('change', () => { link.href = exportUrl(format.value, selection); });
  return h('span', { class: 'export' }, format, link);
}
