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

// One link or a pasted list go the same way: the server adds https:// to a bare "example.org/page", refuses
// up front what cannot be captured (refused entries stay in the box with their reasons) and says which
// links were already saved (each gets a new version).
document.getElementById('add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const tagsInput = document.getElementById('add-tags');
  const text = addUrl.value.trim();
  if (!text) return;
  addInvalid.hidden = true;
  try {
    const result = await api.captureList(text, parseTags(tagsInput.value));
    const by = (status) => result.items.filter((i) => i.status === status);
    const invalid = by('invalid');
    addUrl.value = invalid.map((i) => i.url).join('\n');
    if (!invalid.length) tagsInput.value = '';
    clearError();
    // Under the box, not in the page's notice: the view drawn next clears that one.
    addInvalid.textContent = [t('add.listInvalid', { count: invalid.length }), ...invalid.map((i) => t('add.listInvalidLine', { url: i.url, reason: i.reason }))].join('\n');
    addInvalid.hidden = !invalid.length;
    const queued = by('queued');
    if (queued.length === 1 && !by('background').length) {
      await followOne(queued[0]);
    } else {
      toast(listSummary(result, queued.length, by('background').length), 6000);
      if (location.pathname !== '/') navigate('/'); else route();
    }
    refreshTags();
  } catch (error) {
    showError(error);
  }
});

// One link: "Saving…" (or "already in your library") turns into "Saved" or the failure when its job ends.
async function followOne(item) {
  const note = toast(item.alreadySaved ? t('add.alreadySaved') : t('add.saving'), 120000);
  const stop = onJob((job) => {
    if (job.linkId !== item.linkId || !['done', 'partial', 'failed'].includes(job.status)) return;
    stop();
    note.update(job.status === 'failed' ? t('add.failed') : item.alreadySaved ? t('add.savedAgain') : t('add.saved'));
  });
  if (location.pathname !== '/') navigate('/');
  await currentView?.showAdded?.(item.linkId);
}

function listSummary(result, queued, background) {
  const again = result.items.filter((i) => i.alreadySaved).length;
  return [
    queued ? t('add.listQueued', { count: queued }) : null,
    again ? t('add.listAlreadySaved', { count: again }) : null,
    background ? t('add.listBackground', { count: background }) : null,
    result.duplicates ? t('add.listDuplicates', { count: result.duplicates }) : null,
  ].filter(Boolean).join(' ') || t('add.listNothing');
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
