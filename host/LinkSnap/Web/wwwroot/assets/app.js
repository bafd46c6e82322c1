// Entry point: client-side routes (/, /tags, /queue, /import, /links/{id}), the "Add link" box (one URL or a pasted list),
// keyboard shortcuts, theme, live events.
import { translatePage, t, languages, chosenLanguage, setLanguage } from './i18n.js';
import { api } from './api.js';
import { h, showError, clearError, toast, parseTags, isComposing, setPageTitle } from './dom.js';
import { showShortcuts } from './shortcuts.js';
import { renderBrowse } from './browse.js';
import { renderSnapshotView } from './snapshot-view.js';
import { renderTagsPage } from './tags-page.js';
import { renderImportPage } from './import-page.js';
import { renderQueue, trackQueueCount } from './queue.js';
import { startEvents, onJob } from './events.js';
import { initTheme } from './theme.js';
import { refreshTags } from './tag-list.js';

const view = document.getElementById('view');
let currentView = null;

function route() {
  currentView?.dispose?.();
  clearError();
  const path = location.pathname;
  const section = path.startsWith('/tags') ? 'tags' : path.startsWith('/queue') ? 'queue' : path.startsWith('/import') ? 'import' : path === '/' ? 'browse' : 'link';
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  // The link page names itself after the link once it is loaded.
  setPageTitle(section === 'browse' ? t('nav.library') : section === 'link' ? '' : t(`nav.${section}`));
  if (section === 'tags') currentView = renderTagsPage(view);
  else if (section === 'queue') currentView = renderQueue(view);
  else if (section === 'import') currentView = renderImportPage(view, navigate);
  else if (section === 'link') currentView = renderSnapshotView(view, decodeURIComponent(path.slice('/links/'.length)), navigate);
  else currentView = renderBrowse(view, history.state?.list || null);
  document.body.dataset.view = section;
}

export function navigate(href) {
  // Leaving the list: its entry remembers where the person was, so Back returns to the same card.
  if (document.body.dataset.view === 'browse') {
    history.replaceState({ list: { scrollY: window.scrollY, focus: document.activeElement?.closest?.('.card')?.dataset.id ?? null } }, '', location.href);
  }
  history.pushState(null, '', href);
  route();
  window.scrollTo(0, 0);
}

// Same-page links carry data-nav; everything else (original URLs, PDFs) behaves normally.
document.addEventListener('click', (event) => {
  const a = event.target.closest?.('a[data-nav]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', route);
history.scrollRestoration = 'manual'; // the list restores its own place once its cards are loaded again

document.addEventListener('keydown', (event) => {
  const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
  if (typing || document.getElementById('dialog').open || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    if (!document.getElementById('search')) navigate('/');
    document.getElementById('search')?.focus();
  } else if (event.key === '?') {
    event.preventDefault();
    showShortcuts();
  }
});

const addUrl = document.getElementById('add-url');
const addInvalid = document.getElementById('add-invalid');
// The Add box is a textarea so a pasted list keeps its lines; Enter still saves (Shift+Enter: new line).
addUrl.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
  event.preventDefault();
  document.getElementById('add-form').requestSubmit();
});

document.getElementById('add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const urlInput = addUrl;
  const tagsInput = document.getElementById('add-tags');
  const url = urlInput.value.trim();
  if (!url) return;
  addInvalid.hidden = true;
  // More than one word (lines, spaces, commas, Markdown links): one capture per URL on the server.
  if (/[\s,]|\]\(/.test(url)) {
    await addList(url, parseTags(tagsInput.value));
    return;
  }
  try {
    const queued = await api.capture(url, parseTags(tagsInput.value));
    clearError();
    urlInput.value = '';
    tagsInput.value = '';
    // "Saving…" turns into "Saved" (or the failure) when the capture's job ends.
    const note = toast(t('add.saving'), 120000);
    const stop = onJob((job) => {
      if (job.linkId !== queued.linkId || !['done', 'partial', 'failed'].includes(job.status)) return;
      stop();
      note.update(job.status === 'failed' ? t('add.failed') : t('add.saved'));
    });
    if (location.pathname !== '/') navigate('/');
    await currentView?.showAdded?.(queued.linkId);
    refreshTags();
  } catch (error) {
    showError(error);
  }
});

// A pasted list: the server plans it like an import. Refused entries stay in the box with their reasons.
async function addList(text, tags) {
  try {
    const result = await api.captureList(text, tags);
    const by = (status) => result.items.filter((i) => i.status === status);
    const invalid = by('invalid');
    addUrl.value = invalid.map((i) => i.url).join('\n');
    if (!invalid.length) document.getElementById('add-tags').value = '';
    clearError();
    // Under the box, not in the page's notice: the view drawn next clears that one.
    addInvalid.textContent = [t('add.listInvalid', { count: invalid.length }), ...invalid.map((i) => t('add.listInvalidLine', { url: i.url, reason: i.reason }))].join('\n');
    addInvalid.hidden = !invalid.length;
    const queued = by('queued').length;
    const background = by('background').length;
    toast([
      queued ? t('add.listQueued', { count: queued }) : null,
      background ? t('add.listBackground', { count: background }) : null,
      result.duplicates ? t('add.listDuplicates', { count: result.duplicates }) : null,
    ].filter(Boolean).join(' ') || t('add.listNothing'), 6000);
    if (location.pathname !== '/') navigate('/'); else route();
    refreshTags();
  } catch (error) {
    showError(error);
  }
}

// Ends the session on the daemon too, so the cookie left in this browser opens nothing.
document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await api.logout();
  } catch (error) {
    if (error.status !== 401) { showError(error); return; }
  }
  location.assign('/');
});

// The header's language picker: the browser's language until the person picks one.
function initLanguagePicker() {
  const select = document.getElementById('language');
  select.replaceChildren(
    h('option', { value: '' }, t('language.auto')),
    ...languages.map(([code, name]) => h('option', { value: code }, name)));
  select.value = languages.some(([code]) => code === chosenLanguage) ? chosenLanguage : '';
  select.addEventListener('change', () => setLanguage(select.value));
}

translatePage();
initLanguagePicker();
initTheme();
startEvents();
trackQueueCount();
refreshTags();
route();
