// The Import page: drop or pick an export file → preview (format, counts, refusals, sample rows with
// the tags they will get) → import → live progress (archived/queued/failed, time left), pause/resume/
// cancel, failed captures and refused entries with their reasons. /import?id=N follows import N.
// A WACZ is previewed the same way, then imported at once (its pages become imported versions).
import { api } from './api.js';
import { h, showError, clearError, toast, parseTags } from './dom.js';
import { t, word, formatDate, formatNumber } from './i18n.js';

const POLL_MS = 1000;
const LIST_LIMIT = 50;

export function renderImportPage(root, navigate) {
  let file = null;
  let previewed = null;
  let timer = null;
  let disposed = false;

  const folders = h('select', { id: 'import-folders', name: 'folders' },
    ['path', 'last', 'none'].map((v) => h('option', { value: v }, t(`import.folders.${v}`))));
  const tags = h('input', { id: 'import-tags', name: 'tags', list: 'tag-suggestions', placeholder: t('add.tagsPlaceholder') });
  const noCapture = h('input', { id: 'import-no-capture', type: 'checkbox', name: 'noCapture' });
  const picker = h('input', { id: 'import-file', type: 'file', class: 'visually-hidden', onchange: () => choose(picker.files[0]) });
  const drop = h('label', { class: 'drop-zone', id: 'import-drop', for: 'import-file' },
    h('strong', {}, t('import.drop')), h('span', { class: 'muted' }, t('import.formats')), picker);
  const preview = h('section', { id: 'import-preview', 'aria-live': 'polite' });
  const progress = h('section', { id: 'import-progress', 'aria-live': 'polite' });

  const options = () => ({ folders: folders.value, tags: parseTags(tags.value), noCapture: noCapture.checked });

  for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0]); });
  for (const input of [folders, tags, noCapture]) input.addEventListener('change', () => file && showPreview());

  async function choose(chosen) {
    if (!chosen) return;
    file = chosen;
    await showPreview();
  }

  async function showPreview() {
    try {
      const p = await api.previewImport(file, options());
      previewed = p;
      clearError();
      preview.replaceChildren(
        h('h2', {}, t('import.previewTitle', { file: p.fileName })),
        h('dl', { class: 'import-counts', id: 'import-counts' },
          count('format', p.format), count('entries', formatNumber(p.entries)), count('links', formatNumber(p.links)),
          count('duplicates', formatNumber(p.duplicatesInFile)), count('alreadySaved', formatNumber(p.alreadySaved)),
          count('invalid', formatNumber(p.invalid.length))),
        sampleTable(p.sample),
        p.invalid.length ? invalidList(p.invalid, 'import-preview-invalid') : null,
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', id: 'import-start', disabled: p.links === 0, onclick: start }, t('import.start', { count: p.links }))));
    } catch (error) {
      preview.replaceChildren();
      showError(error);
    }
  }

  async function start() {
    if (previewed?.format === 'WACZ') return startWacz();
    try {
      const started = await api.startImport(file, options());
      toast(t('import.started'));
      file = null;
      preview.replaceChildren();
      navigate(`/import?id=${started.import.id}`);
    } catch (error) {
      showError(error);
    }
  }

  // A WACZ needs no background work: its pages are links with imported versions when the answer comes.
  async function startWacz() {
    const button = preview.querySelector('#import-start');
    button.disabled = true;
    try {
      const result = await api.importWacz(file, options());
      clearError();
      file = null;
      preview.replaceChildren();
      progress.replaceChildren(...waczDoneView(result));
      root.append(progress);
    } catch (error) {
      button.disabled = false;
      showError(error);
    }
  }

  async function follow(id) {
    try {
      const p = await api.importProgress(id);
      const [failed, invalid] = await Promise.all([api.importFailed(id), p.invalid ? api.importInvalid(id) : []]);
      if (disposed) return;
      clearError();
      progress.replaceChildren(...progressView(p, failed, invalid, (action) => act(id, action)));
      if (!['done', 'cancelled'].includes(p.status)) timer = setTimeout(() => follow(id), POLL_MS);
    } catch (error) {
      showError(error);
    }
  }

  async function act(id, action) {
    try {
      await api.importAction(id, action);
      clearTimeout(timer);
      await follow(id);
    } catch (error) {
      showError(error);
    }
  }

  const id = new URLSearchParams(location.search).get('id');
  const choosing = [
    h('div', { class: 'import-choose' }, drop,
      h('div', { class: 'import-options' },
        h('label', {}, t('import.foldersLabel'), folders),
        h('label', {}, t('import.tagsLabel'), tags),
        h('label', { class: 'check' }, noCapture, t('import.noCapture')))),
    preview];
  root.replaceChildren(h('h1', {}, t('import.title')), ...(id ? [progress] : choosing));
  if (id) follow(id);
  return { dispose() { disposed = true; clearTimeout(timer); } };
}

const count = (key, value) => [h('dt', {}, t(`import.count.${key}`)), h('dd', { dataset: { count: key } }, value)];

function sampleTable(rows) {
  if (!rows.length) return null;
  return h('table', { class: 'import-sample', id: 'import-sample' },
    h('caption', {}, t('import.sampleTitle', { count: rows.length })),
    h('thead', {}, h('tr', {}, ['title', 'tags', 'saved'].map((k) => h('th', {}, t(`import.column.${k}`))))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', {}, h('div', {}, r.title || r.url), h('div', { class: 'muted url' }, r.url)),
      h('td', {}, r.tags.map((tag) => h('span', { class: 'tag' }, tag))),
      h('td', {}, r.savedAt ? formatDate(r.savedAt, { dateStyle: 'medium' }) : '—')))));
}

function invalidList(invalid, id) {
  return h('section', { id },
    h('h3', {}, t('import.invalidTitle', { count: invalid.length })),
    h('ul', { class: 'import-problems' }, invalid.slice(0, LIST_LIMIT).map((r) =>
      h('li', {}, h('span', { class: 'muted' }, r.position), ' ', h('code', {}, r.url || '—'), ' — ', r.reason))));
}

function waczDoneView(result) {
  const skipped = result.skipped.map((s) => ({ position: '', url: s.url, reason: s.reason }));
  return [
    h('h2', {}, t('import.waczDone', { count: result.imported.length, from: result.importedFrom })),
    h('p', { id: 'import-status', dataset: { status: 'done' } }, word('importStatus', 'done')),
    h('ul', { class: 'import-pages', id: 'import-wacz-pages' }, result.imported.slice(0, LIST_LIMIT).map((page) =>
      h('li', {}, h('a', { href: `/links/${page.linkId}`, 'data-nav': true }, page.url)))),
    skipped.length ? invalidList(skipped, 'import-invalid') : null,
    h('div', { class: 'actions' }, h('a', { href: '/import', 'data-nav': true }, t('import.another'))),
  ];
}

function progressView(p, failed, invalid, act) {
  const total = p.noCapture ? p.links : p.created;
  const finished = p.noCapture ? p.added : p.archived + p.failed;
  const running = !['done', 'cancelled'].includes(p.status);
  return [
    h('h2', {}, t('import.progressTitle', { file: p.fileName })),
    h('p', { id: 'import-status', dataset: { status: p.status } }, word('importStatus', p.status),
      p.secondsLeft != null && running ? ` · ${t('import.timeLeft', { minutes: Math.max(1, Math.ceil(p.secondsLeft / 60)) })}` : ''),
    h('progress', { id: 'import-bar', max: Math.max(total, 1), value: Math.min(finished, Math.max(total, 1)) }),
    h('dl', { class: 'import-counts', id: 'import-live' },
      count('added', `${formatNumber(p.added)} / ${formatNumber(p.links)}`), count('archived', formatNumber(p.archived)),
      count('queued', formatNumber(p.queued + p.running)), count('failed', formatNumber(p.failed)), count('invalid', formatNumber(p.invalid))),
    h('div', { class: 'actions' },
      p.status === 'paused'
        ? h('button', { type: 'button', id: 'import-resume', onclick: () => act('resume') }, t('import.resume'))
        : running ? h('button', { type: 'button', id: 'import-pause', onclick: () => act('pause') }, t('import.pause')) : null,
      running ? h('button', { type: 'button', class: 'danger', id: 'import-cancel', onclick: () => act('cancel') }, t('import.cancel')) : null,
      h('a', { href: '/import', 'data-nav': true }, t('import.another'))),
    failed.length ? h('section', { id: 'import-failed' },
      h('h3', {}, t('import.failedTitle', { count: failed.length })),
      h('ul', { class: 'import-problems' }, failed.slice(0, LIST_LIMIT).map((s) =>
        h('li', {}, h('a', { href: `/links/${s.linkId}`, 'data-nav': true }, s.url), ' — ', s.reason || '')))) : null,
    invalid.length ? invalidList(invalid, 'import-invalid') : null,
  ];
}
