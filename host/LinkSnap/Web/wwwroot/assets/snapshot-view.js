// One link: its archived copy (sandboxed iframe on the snapshot origin), screenshot, reader view,
// PDF, metadata, versions, tags, note; recapture, delete, copy the original link.
import { api, ApiError } from './api.js';
import { h, showError, clearError, toast, confirmDialog, isComposing, setPageTitle } from './dom.js';
import { t, formatDate } from './i18n.js';
import { tagEditor } from './tag-editor.js';
import { statusBadge, statusText } from './card.js';
import { renderMetadata } from './metadata.js';
import { onJob } from './events.js';
import { renderCompare, changeSummary } from './compare-view.js';
import { healthBadge, healthBanner, checkButton } from './health.js';
import { exportUrl } from './export-menu.js';
import { changedBadge, watchControl } from './watch.js';
import { stateButtons } from './link-states.js';
import { fittedFrame } from './frame-fit.js';
import { readerWithControls } from './reader-controls.js';
import { trackReading } from './reading-progress.js';
import { qualityFlags } from './quality.js';

const tabs = ['archived', 'screenshot', 'reader', 'pdf', 'info', 'compare'];
// A version worth showing by default: saved, and not a server's error page.
const isGood = (s) => s.status === 'done' || (s.status === 'partial' && !s.httpError);
// The version of each link the person last opened, so the page can offer "changes since".
const readKey = (linkId) => `linksnap-read-${linkId}`;

export function renderSnapshotView(root, linkId, navigate) {
  const params = new URLSearchParams(location.search);
  let tab = tabs.includes(params.get('tab')) ? params.get('tab') : 'archived';
  let link = null;
  let current = null;
  let changes = new Map();
  let lastRead = null;
  let stop = () => {};
  // The reader frame's progress listener, ended whenever the tab is drawn again and when the page is left.
  let stopReading = () => {};
  // Set when the person has left the page (Back, another link): a reply that arrives later must not
  // draw the link page over the next one, nor rewrite its history entry.
  let left = false;

  const show = async () => {
    root.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
    try {
      link = await api.link(linkId);
    } catch (error) {
      if (left) return;
      root.replaceChildren(h('div', { class: 'empty', id: 'not-found' },
        h('p', {}, error instanceof ApiError && error.status === 404 ? t('link.notFound', { id: linkId }) : error.message),
        h('a', { href: '/', 'data-nav': true }, t('link.back'))));
      return;
    }
    if (left) return;
    clearError();
    const wanted = params.get('snapshot');
    const snaps = link.snapshots || [];
    // While a recapture runs (or after it hit an error page), the last good copy stays on show.
    const chosen = snaps.find((s) => String(s.id) === wanted) || snaps.find(isGood) || snaps[0];
    current = chosen ? await api.snapshot(chosen.id).catch((e) => { showError(e); return null; }) : null;
    if (left) return;
    // An imported article has no archived copy: open its reader view.
    if (!params.get('tab') && current?.mode === 'imported' && tab === 'archived') tab = 'reader';
    const summaries = await api.changes(linkId).catch(() => ({ items: [] }));
    if (left) return;
    changes = new Map(summaries.items.map((c) => [c.snapshotId, c]));
    lastRead ??= localStorage.getItem(readKey(linkId));
    if (current && ['done', 'partial'].includes(current.status)) localStorage.setItem(readKey(linkId), String(current.id));
    // Opening a changed link is looking at it: it leaves "changed since I last looked" (the badge stays for this visit).
    if (link.changedAt) api.markSeen(linkId).catch(showError);
    draw();
  };

  const draw = () => {
    if (left) return;
    const body = h('div', { id: 'tab-body' });
    const tabBar = h('div', { class: 'tabs', role: 'tablist' }, tabs.map((key) => h('button', {
      type: 'button', role: 'tab', 'aria-selected': key === tab ? 'true' : 'false', dataset: { tab: key },
      onclick: () => { tab = key; draw(); },
    }, t(`tab.${key}`))));
    const url = new URL(location.href);
    url.searchParams.set('tab', tab);
    if (current) url.searchParams.set('snapshot', current.id);
    for (const key of ['before', 'after']) {
      if (tab === 'compare' && params.get(key)) url.searchParams.set(key, params.get(key)); else url.searchParams.delete(key);
    }
    history.replaceState(null, '', url.pathname + url.search);
    setPageTitle(link.title || link.url);
    const newer = (link.snapshots || []).find((s) => current && s.createdAt > current.createdAt);
    root.replaceChildren(h('div', { class: 'snapshot' },
      h('div', {},
        titleHeading(),
        h('a', { class: 'url', href: link.url, target: '_blank', rel: 'noopener noreferrer' }, link.url),
        healthBanner(link),
        h('div', { class: 'actions' },
          current ? statusBadge(current) : h('span', { class: 'muted' }, t('link.noSnapshotYet')),
          healthBadge(link.health),
          changedBadge(link),
          stateButtons(link, (updated) => { link = { ...link, ...updated }; draw(); }, { withPrivate: true }),
          h('button', { type: 'button', id: 'copy-link', onclick: copyLink }, t('action.copyLink')),
          checkButton(link, (health) => { link = { ...link, health }; draw(); }),
          h('button', { type: 'button', id: 'recapture', onclick: recapture, title: t('action.recaptureTitle') }, t('action.recapture')),
          current ? downloadWacz() : null,
          canRetry() ? h('button', { type: 'button', id: 'retry', onclick: retry, title: t('action.retryTitle') }, t('action.retry')) : null,
          h('button', { type: 'button', class: 'danger', id: 'delete-link', onclick: deleteLink }, t('action.delete'))),
        // Both buttons side by side look alike; one line says which does what (kept as two: see docs/decisions/070).
        canRetry() ? h('p', { class: 'muted help', id: 'retry-help' }, t('action.retryOrRecapture')) : null,
        asSeenOffer(),
        current?.reason ? h('p', { class: 'muted', id: 'reason' }, current.reason) : null,
        newer && !params.get('snapshot') ? h('p', { class: 'newer-version', id: 'newer-version', role: 'status' },
          t(['queued', 'running'].includes(newer.status) ? 'link.newerRunning' : 'link.newerNotGood', { date: formatDate(current.createdAt), status: statusText(newer) })) : null,
        current?.mode === 'imported' ? h('p', { class: 'imported-from', id: 'imported-from', role: 'note' }, t('link.importedFrom', { source: current.importedFrom || '?' })) : null,
        filesDeleted(),
        tabBar, body),
      h('aside', { class: 'side' },
        h('section', {}, h('h2', {}, t('link.tags')), tagEditor(link, (updated) => { link = { ...link, ...updated }; })),
        h('section', {}, h('h2', {}, t('link.note')), noteEditor()),
        h('section', {}, h('h2', {}, t('watch.title')), watchControl(link.id)),
        h('section', {}, h('h2', {}, t('link.versions', { count: (link.snapshots || []).length })), versions(), changesSince()))));
    drawTab(body).catch(showError);
  };

  const drawTab = async (body) => {
    stopReading();
    stopReading = () => {};
    if (!current) {
      body.replaceChildren(h('p', { class: 'empty' }, t('link.noSnapshot')));
      return;
    }
    if (tab === 'info') {
      body.replaceChildren(renderMetadata(current, link));
      return;
    }
    if (tab === 'compare') {
      const after = params.get('after') || current.id;
      const before = params.get('before') || changes.get(Number(after))?.previousId;
      await renderCompare(body, link, before, after, (name, id) => { params.set(name, id); drawTab(body).catch(showError); });
      return;
    }
    const saved = (kind) => (current.artifacts || []).find((a) => a.kind === kind && a.status === 'ok' && a.fileName);
    const artifact = (kind) => (saved(kind)?.missing ? null : saved(kind));
    const deletedFile = { screenshot: 'screenshot', archived: 'html', reader: 'article-html', pdf: 'pdf' };
    const missing = (what) => h('p', { class: 'empty', id: 'tab-missing' }, current.status === 'queued' || current.status === 'running'
      ? t('link.stillRunning')
      : saved(deletedFile[what])?.missing ? t('link.fileDeleted', { file: saved(deletedFile[what]).fileName }) : t(`link.missing.${what}`));
    if (tab === 'screenshot') {
      const shot = artifact('screenshot') || imageOriginal();
      body.replaceChildren(shot ? h('img', { class: 'shot', id: 'screenshot', alt: t('link.screenshotOf', { title: link.title || link.url }), src: api.fileUrl(current.id, shot.fileName) }) : missing('screenshot'));
      return;
    }
    const file = tab === 'archived' ? (artifact('html') || artifact('original')) : tab === 'reader' ? artifact('article-html') : artifact('pdf') || pdfOriginal();
    if (!file) {
      body.replaceChildren(missing(tab));
      return;
    }
    let sandbox;
    try {
      sandbox = await api.sandbox(current.id);
    } catch (error) {
      body.replaceChildren(h('p', { class: 'empty', id: 'tab-missing' }, error.message));
      return;
    }
    const src = sandbox.baseUrl + (tab === 'reader' ? `reader/${encodeURIComponent(file.fileName)}` : encodeURIComponent(file.fileName));
    if (tab === 'pdf') {
      // The browser's own PDF viewer, framed. Any sandbox attribute on the frame forbids that viewer (it is a
      // plugin), so this one frame has none; the document is still sandboxed by the snapshot origin's CSP
      // header, as every snapshot file is (decision 064).
      body.replaceChildren(h('p', {}, h('a', { href: src, target: '_blank', rel: 'noopener noreferrer', id: 'pdf-link' }, t('link.openPdf')), ' ',
        h('a', { href: api.fileUrl(current.id, file.fileName), download: file.fileName }, t('action.download'))),
        h('iframe', { class: 'frame', id: 'pdf-frame', src, title: t('tab.pdf'), referrerpolicy: 'no-referrer' }));
      return;
    }
    // No allow-scripts, no allow-same-origin, no top navigation: the copy can only be looked at.
    // The reader frame allows scripts, still without allow-same-origin (an opaque origin): its page admits
    // only LinkSnap's reading-progress script, by hash, and nothing of the article (decision 069).
    const reader = tab === 'reader';
    const frame = h('iframe', { class: 'frame', id: reader ? 'reader-frame' : 'archive-frame', sandbox: reader ? 'allow-scripts' : '', src, title: t(`tab.${tab}`), referrerpolicy: 'no-referrer' });
    if (!reader) {
      body.replaceChildren(...fittedFrame(frame));
      return;
    }
    const reading = trackReading(frame, link);
    stopReading = reading.stop;
    body.replaceChildren(...readerWithControls(frame, src, reading.key));
  };

  // The version's own archive.wacz; a version without one (as-seen, imported article) goes through
  // the WACZ export of the link, which writes it as marked resource records.
  const downloadWacz = () => {
    const wacz = (current.artifacts || []).find((a) => a.kind === 'wacz' && a.status === 'ok' && a.fileName);
    return h('a', {
      class: 'button', id: 'download-wacz', download: wacz ? `linksnap-${current.id}.wacz` : '',
      href: wacz ? api.fileUrl(current.id, wacz.fileName) : exportUrl('wacz', { ids: [link.id] }),
      title: t('action.downloadWaczTitle'),
    }, t('action.downloadWacz'));
  };

  const canRetry = () => current?.status === 'failed' || current?.status === 'partial';

  // Issue 18 item 10: a fresh capture the quality guard flagged (consent or sign-in wall, fold…) is offered
  // again as seen. Only the person's own tab has their login and dismissed banner, and the library cannot
  // read a tab: the offer opens the page in a tab, where LinkSnap's button offers "Save as you see it" for
  // this flagged link (the popup's own offer, reused). The library does not start an as-seen capture from a
  // URL by itself, because any web page can open a URL (docs/decisions/070).
  const asSeenOffer = () => {
    if (current?.mode !== 'fresh') return null;
    const flags = qualityFlags(current).filter((f) => f.action === 'save-as-seen');
    if (!flags.length) return null;
    return h('div', { class: 'as-seen-offer', id: 'as-seen-offer', role: 'status' },
      h('p', {}, t('quality.asSeenOffer', { kinds: flags.map((f) => t(`quality.kind.${f.kind}`)).join(', ') })),
      h('p', { class: 'muted', id: 'as-seen-reason' }, flags.map((f) => f.reason).join(' · ')),
      h('p', {}, h('a', { class: 'button', id: 'open-as-seen', href: link.url, target: '_blank', rel: 'noopener noreferrer' }, t('quality.asSeenOpen')),
        ' ', h('span', { class: 'muted' }, t('quality.asSeenHow'))));
  };

  // A snapshot whose files were deleted by hand says so, before any reindex.
  const filesDeleted = () => {
    if (current?.folderMissing) return h('p', { class: 'files-deleted', id: 'files-deleted', role: 'status' }, t('link.filesDeleted.folder'));
    if (current?.missingFiles?.length) return h('p', { class: 'files-deleted', id: 'files-deleted', role: 'status' }, t('link.filesDeleted.some', { files: current.missingFiles.join(', ') }));
    return null;
  };

  const imageOriginal = () => (current.artifacts || []).find((a) => a.kind === 'original' && a.status === 'ok' && !a.missing && (a.contentType || '').startsWith('image/'));
  const pdfOriginal = () => (current.artifacts || []).find((a) => a.kind === 'original' && a.status === 'ok' && !a.missing && (a.contentType || '').includes('pdf'));

  const versions = () => h('ol', { class: 'versions', id: 'versions' }, (link.snapshots || []).map((s) => h('li', {},
    h('a', { href: `/links/${encodeURIComponent(link.id)}?snapshot=${encodeURIComponent(s.id)}&tab=${tab}`, 'data-nav': true, 'aria-current': current && s.id === current.id ? 'true' : 'false' }, formatDate(s.createdAt)),
    ' ', statusBadge(s), s.mode === 'imported' ? [' ', h('span', { class: 'badge imported', title: t('link.importedFrom', { source: s.importedFrom || '?' }) }, t('link.imported'))] : null,
    ' ', h('span', { class: 'change muted', dataset: { snapshot: s.id } }, versionChange(s)))));

  const versionChange = (s) => {
    const change = changes.get(s.id);
    if (!change?.summary) return '';
    return change.changes ? changeSummary(change.changes) : t(change.summary === 'failed' ? 'status.failed' : 'compare.firstVersion');
  };

  // "Changes since the version I last read": the version opened last time against the newest.
  const changesSince = () => {
    const newest = (link.snapshots || []).find((s) => ['done', 'partial'].includes(s.status));
    const read = (link.snapshots || []).find((s) => String(s.id) === lastRead);
    if (!newest || !read || read.id === newest.id || read.createdAt > newest.createdAt) return null;
    return h('button', { type: 'button', id: 'changes-since', onclick: () => {
      params.set('before', read.id); params.set('after', newest.id); tab = 'compare'; draw();
    } }, t('compare.sinceRead', { date: formatDate(read.createdAt) }));
  };

  // The heading, and an "Edit" button that turns it into a field (Enter or leaving it saves, Escape cancels).
  const titleHeading = () => {
    const heading = h('h1', { id: 'link-title' }, link.title || link.url);
    const edit = h('button', { type: 'button', class: 'link edit-title', id: 'edit-title', 'aria-label': t('link.editTitle'), title: t('link.editTitle') }, '✎');
    const row = h('div', { class: 'title-row' }, heading, edit);
    edit.addEventListener('click', () => {
      const input = h('input', { id: 'title-input', class: 'title-input', value: link.title || '', maxlength: 500, 'aria-label': t('link.titleLabel'), placeholder: link.url });
      let done = false;
      const finish = async (save) => {
        if (done) return;
        done = true;
        if (save && input.value.trim() !== (link.title || '')) {
          try { link = { ...link, ...(await api.updateLink(link.id, { title: input.value })) }; toast(t('toast.titleSaved')); } catch (e) { showError(e); }
        }
        draw();
      };
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !isComposing(event)) { event.preventDefault(); finish(true); }
        if (event.key === 'Escape') { event.preventDefault(); finish(false); }
      });
      input.addEventListener('blur', () => finish(true));
      row.replaceChildren(input);
      input.focus();
    });
    return row;
  };

  const noteEditor = () => {
    const area = h('textarea', { class: 'note', id: 'note', 'aria-label': t('link.note') }, link.note || '');
    area.addEventListener('change', async () => {
      try { link = { ...link, ...(await api.updateLink(link.id, { note: area.value })) }; toast(t('toast.noteSaved')); } catch (e) { showError(e); }
    });
    return area;
  };

  const copyLink = async () => {
    try { await navigator.clipboard.writeText(link.url); toast(t('toast.linkCopied')); } catch { toast(link.url, 8000); }
  };
  const recapture = async () => {
    try { await api.recapture(link.id); toast(t('toast.recaptureQueued')); await show(); } catch (e) { showError(e); }
  };
  const retry = async () => {
    try { await api.retry(current.id); toast(t('toast.retryQueued')); await show(); } catch (e) { showError(e); }
  };
  const deleteLink = async () => {
    if (!(await confirmDialog(t('link.deleteTitle'), t('link.deleteConfirm', { title: link.title || link.url, count: (link.snapshots || []).length })))) return;
    try { await api.deleteLink(link.id); toast(t('toast.deleted')); navigate('/'); } catch (e) { showError(e); }
  };

  stop = onJob((job) => { if (String(job.linkId) === String(linkId) && ['done', 'partial', 'failed'].includes(job.status)) show(); });
  show();
  return { dispose: () => { left = true; stop(); stopReading(); } };
}
