// Two versions of a link compared: what changed in a few words, why a part could not be compared,
// the metadata side by side, the text with insertions and deletions marked (long unchanged
// stretches folded), and the screenshots side by side and as an overlay of the changed regions.
import { api } from './api.js';
import { h } from './dom.js';
import { t, word, formatDate } from './i18n.js';

/** A version's change facts (ChangeFacts from the API) in the page's language. */
export function changeSummary(c) {
  if (!c) return '';
  const parts = [];
  if (c.insertedWords || c.deletedWords) parts.push(t(c.cjk ? 'compare.sum.chars' : 'compare.sum.words', { added: c.insertedWords, removed: c.deletedWords }));
  if (c.titleChanged) parts.push(t('compare.sum.title'));
  if (c.httpBefore !== c.httpAfter) parts.push(t('compare.sum.http', { before: c.httpBefore ?? '?', after: c.httpAfter ?? '?' }));
  if (c.newFinalUrl) parts.push(t('compare.sum.moved', { url: c.newFinalUrl }));
  if (c.screenshotShare != null) parts.push(t('compare.sum.screenshot', { percent: percent(c.screenshotShare) }));
  if (c.fileChanged) parts.push(t('compare.sum.file'));
  if (c.gap) parts.push(t(`compare.gap.${c.gap}`, { id: c.gapVersion }));
  return parts.length ? parts.join(t('compare.sum.separator')) : t('compare.sum.unchanged');
}

const percent = (share) => (share < 0.01 ? '<1' : Math.round(share * 100));

/** Fills `body` with the comparison of version `beforeId` with version `afterId` of `link`. */
export async function renderCompare(body, link, beforeId, afterId, pick) {
  const versions = (link.snapshots || []).filter((s) => ['done', 'partial', 'failed'].includes(s.status));
  const picker = (id, name) => h('select', { id: `compare-${name}`, 'aria-label': t(`compare.${name}`), onchange: (e) => pick(name, e.target.value) },
    versions.map((s) => h('option', { value: s.id, selected: String(s.id) === String(id) }, `${formatDate(s.createdAt)} · ${word('status', s.status)}`)));
  const head = h('div', { class: 'compare-pick' }, h('label', {}, t('compare.before'), ' ', picker(beforeId, 'before')), h('label', {}, t('compare.after'), ' ', picker(afterId, 'after')));
  if (!beforeId || !afterId || String(beforeId) === String(afterId)) {
    body.replaceChildren(head, h('p', { class: 'empty', id: 'compare-empty' }, t('compare.needTwo')));
    return;
  }
  body.replaceChildren(head, h('p', { class: 'loading' }, t('common.loading')));
  const diff = await api.compare(beforeId, afterId);
  body.replaceChildren(head,
    h('p', { class: 'compare-summary', id: 'compare-summary' }, changeSummary(diff.changes)),
    notices(diff), textPart(diff.text), screenshotPart(diff), filePart(diff.file), metadataPart(diff.metadata));
}

function notices(diff) {
  const items = [];
  for (const side of [diff.before, diff.after]) {
    if (side.status === 'failed') items.push(t('compare.note.failed', { id: side.id, reason: side.reason || '' }));
  }
  const state = diff.text.state;
  if (state === 'missing' && !items.length) items.push(t('compare.note.textMissing'));
  if (state === 'not-applicable') items.push(t('compare.note.notHtml', { kind: diff.after.pageKind || diff.before.pageKind || '' }));
  if (state === 'too-large') items.push(t('compare.note.tooLarge'));
  if (diff.text.diff?.coarse) items.push(t('compare.note.coarse'));
  return items.length ? h('ul', { class: 'compare-notes', id: 'compare-notes' }, items.map((n) => h('li', {}, n))) : null;
}

function textPart(text) {
  if (!text.diff) return null;
  if (text.state === 'unchanged') return h('section', {}, h('h3', {}, t('compare.text')), h('p', { class: 'muted' }, t('compare.textSame')));
  const nodes = text.diff.segments.map((s) =>
    s.op === 'insert' ? h('ins', {}, s.text)
      : s.op === 'delete' ? h('del', {}, s.text)
        : s.op === 'skip' ? h('span', { class: 'skip' }, t('compare.skipped', { count: s.words }))
          : s.text);
  return h('section', {}, h('h3', {}, t('compare.text')), h('div', { class: 'diff-text', id: 'diff-text' }, nodes));
}

function screenshotPart(diff) {
  const shot = diff.screenshot;
  if (!shot || !diff.beforeScreenshotUrl || !diff.afterScreenshotUrl) return null;
  const side = (url, label) => h('figure', {}, h('img', { src: url, alt: label, loading: 'lazy' }), h('figcaption', {}, label));
  const pixels = shot.diff;
  const overlay = pixels ? h('figure', { class: 'overlay', id: 'overlay' }, overlayCanvas(diff.afterScreenshotUrl, pixels),
    h('figcaption', { id: 'overlay-share' }, t('compare.pixels', { percent: pixels.changedShare === 0 ? 0 : percent(pixels.changedShare) }))) : null;
  return h('section', {}, h('h3', {}, t('compare.screenshots')),
    h('div', { class: 'side-by-side' }, side(diff.beforeScreenshotUrl, t('compare.before')), side(diff.afterScreenshotUrl, t('compare.after'))),
    overlay);
}

// Positions go through the CSSOM: the library's CSP refuses style attributes.
function overlayCanvas(url, pixels) {
  const share = (value, whole) => `${(100 * value) / whole}%`;
  const canvas = h('div', { class: 'overlay-canvas' });
  canvas.style.aspectRatio = `${pixels.canvasWidth} / ${pixels.canvasHeight}`;
  const image = h('img', { src: url, alt: t('compare.after') });
  image.style.width = share(pixels.afterWidth, pixels.canvasWidth);
  canvas.append(image);
  for (const r of pixels.regions) {
    const box = h('span', { class: 'region' });
    Object.assign(box.style, {
      left: share(r.x, pixels.canvasWidth), top: share(r.y, pixels.canvasHeight),
      width: share(r.width, pixels.canvasWidth), height: share(r.height, pixels.canvasHeight),
    });
    canvas.append(box);
  }
  return canvas;
}

function filePart(file) {
  if (!file) return null;
  const row = (label, a, b) => h('tr', { class: a === b ? '' : 'changed' }, h('th', {}, label), h('td', {}, a ?? '–'), h('td', {}, b ?? '–'));
  return h('section', {}, h('h3', {}, t('compare.file')),
    h('p', { class: 'muted' }, t(file.state === 'unchanged' ? 'compare.fileSame' : 'compare.fileDiffers')),
    h('table', { class: 'compare-meta' }, row(t('compare.field.contentType'), file.beforeContentType, file.afterContentType),
      row(t('compare.field.savedBytes'), String(file.beforeBytes), String(file.afterBytes)),
      row(t('compare.field.dimensions'), file.beforeDimensions, file.afterDimensions)));
}

function metadataPart(fields) {
  return h('section', {}, h('h3', {}, t('compare.metadata')),
    h('table', { class: 'compare-meta', id: 'compare-meta' },
      h('tr', {}, h('th', {}), h('th', {}, t('compare.before')), h('th', {}, t('compare.after'))),
      fields.map((f) => h('tr', { class: f.changed ? 'changed' : '', dataset: { field: f.field } },
        h('th', {}, t(`compare.field.${f.field}`)), h('td', {}, f.before ?? '–'), h('td', {}, f.after ?? '–')))));
}
