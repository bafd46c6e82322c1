// Toolbar popup: shows the tab, whether it is already saved, and saves it with tags and a note,
// then follows the capture to its end. On a page already saved it edits the link instead (tags as
// chips, note, states, watch: "Save changes", no new version) and offers "Save again" for a new
// version. Opened for a given tab with ?tab=ID (tests, keyboard users).
import { api } from '../shared/browser-api.js';
import { ask } from '../shared/messages.js';
import { getSettings } from '../shared/settings.js';
import { parseTags, formatTags } from '../shared/tags.js';
import { TagAutocomplete } from './tag-autocomplete.js';
import { SavedLinkEditor } from './saved-link-editor.js';
import { loadMessages, translatePage, t, formatDate } from '../shared/i18n.js';

const POLL_MS = 700;
const $ = (id) => document.getElementById(id);

let tab;
let autocomplete;
/** Set when the tab's page is already in the library: the editor of that link. */
let editor = null;

async function init() {
  await loadMessages();
  translatePage();
  tab = await findTab();
  $('page-title').textContent = tab?.title || t('popup_untitled');
  $('page-url').textContent = tab?.url ?? '';
  $('page-url').title = tab?.url ?? '';

  const settings = await getSettings();
  $('mode').value = settings.defaultMode;
  autocomplete = new TagAutocomplete($('tags'), $('tag-suggestions'));
  $('start-linksnap').addEventListener('click', startLinkSnap);

  $('save-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!autocomplete.hasSelection) submit();
  });
  $('note').addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // an input method's Enter commits a word
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  });
  $('save-again').addEventListener('click', () => save());
  $('save-as-seen').addEventListener('click', () => { $('mode').value = 'as-seen'; $('attention').hidden = true; $('save').disabled = false; save(); });
  $('open-library').addEventListener('click', (e) => {
    e.preventDefault();
    openLibrary({});
  });
  $('tags').focus();

  // Opening the popup is a good moment to send captures kept while LinkSnap was away.
  showPendingHere().then(() => ask('flush-pending')).then(showPendingHere).catch(() => {});
  loadTags();
  offerSavedCopy();
  if (tab?.url && /^https?:/i.test(tab.url)) {
    loadDefaultTags(lookup(tab.url));
    refuseLibraryPage(tab.url);
  } else {
    $('save').disabled = true;
    showProblem(t('popup_onlyWebPages'));
  }
}

async function findTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (id) return api.tabs.get(id);
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function loadTags() {
  try {
    const { tags } = await ask('native', { type: 'tags', fields: { limit: 1000 } });
    autocomplete.setTags(tags ?? []);
    document.body.dataset.tagsLoaded = 'true';
  } catch (e) {
    reportHostProblem(e);
  }
}

/** The daemon's default tags, in the box of a page not saved yet (after the lookup; not over what the person typed meanwhile). */
async function loadDefaultTags(looked) {
  try {
    const [tags] = await Promise.all([ask('default-tags'), looked]);
    if (!editor && $('tags').value.trim() === '') $('tags').value = formatTags(tags);
  } catch {
    // Not reachable: reportHostProblem says so (from the tags or lookup call); a capture then gets the defaults later.
  } finally {
    document.body.dataset.defaultsLoaded = 'true';
  }
}

/** "Start LinkSnap" after `linksnap stop`: the relay starts the daemon, then the popup starts over. */
async function startLinkSnap() {
  $('start-linksnap').disabled = true;
  $('stopped-text').textContent = t('popup_starting');
  try {
    await ask('start-daemon');
    location.reload();
  } catch (e) {
    console.info('LinkSnap could not be started:', e.code, e.message);
    $('stopped-text').textContent = t('popup_startFailed');
    $('start-linksnap').disabled = false;
  }
}

// The library's own pages are not something to save: they are LinkSnap itself.
async function refuseLibraryPage(url) {
  try {
    const { libraryUrl } = await ask('native', { type: 'ping' });
    const [page, library] = [new URL(url), new URL(libraryUrl)];
    const loopback = (host) => host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]';
    if (page.port === library.port && loopback(page.hostname) && loopback(library.hostname)) {
      $('save').disabled = true;
      showProblem(t('popup_isLibrary'));
    }
  } catch {
    // Not reachable: reportHostProblem has said so already (from the tags or lookup call).
  }
}

async function lookup(url) {
  try {
    const found = await ask('native', { type: 'lookup-url', fields: { url } });
    if (found.saved) {
      showSavedBefore(found);
      showAttention(found.quality, found.latestMode);
      editor ??= new SavedLinkEditor(autocomplete);
      editor.show(found);
    }
    document.body.dataset.lookup = found.saved ? 'saved' : 'new';
  } catch (e) {
    reportHostProblem(e);
  }
}

function showSavedBefore(link) {
  const count = link.snapshotCount;
  $('saved-before').textContent = link.lastSavedAt
    ? t(count === 1 ? 'popup_savedOnceOn' : 'popup_savedTimesOn', { count, date: formatDate(link.lastSavedAt) })
    : t(count === 1 ? 'popup_savedOnce' : 'popup_savedTimes', { count });
  $('saved-before').hidden = false;
}

/** Enter and the submit button: "Save changes" on a saved page, else the first save. */
function submit() {
  if (editor) saveChanges();
  else save();
}

async function saveChanges() {
  if ($('save').disabled) return;
  $('save').disabled = true;
  setState('queued', t('popup_savingChanges'));
  try {
    const updated = await ask('native', { type: 'update-link', fields: editor.changes() });
    editor.show(updated);
    showSavedBefore(updated);
    setState('done', t('popup_changesSaved'));
  } catch (e) {
    // Edits are not queued like captures: they change a link the extension cannot see offline. Say so plainly.
    const offline = ['host-missing', 'daemon-unavailable', 'daemon-stopped'].includes(e.code);
    setState('failed', offline ? t('popup_changesNeedLinkSnap') : t('popup_changesFailed', { reason: e.message }));
  } finally {
    $('save').disabled = false;
  }
}

/** A capture of this tab kept in the extension's queue (LinkSnap was not reachable) says so. */
async function showPendingHere() {
  const pending = (await ask('pending')).filter((p) => p.url === tab?.url);
  $('pending-here').hidden = pending.length === 0;
  if (pending.length) $('pending-here').textContent = t('popup_pendingHere', { date: formatDate(pending[0].createdAt) });
}

// The tab's page is gone (404/410 or an error page) but LinkSnap has it: offer the saved copy.
async function offerSavedCopy() {
  const gone = tab?.id ? await ask('gone-tab', { tabId: tab.id }).catch(() => null) : null;
  if (!gone) return;
  const when = gone.lastSavedAt ? formatDate(gone.lastSavedAt) : '';
  $('gone-text').textContent = gone.status
    ? t('popup_goneStatus', { status: gone.status, date: when })
    : t('popup_goneError', { error: gone.error, date: when });
  $('open-saved-copy').addEventListener('click', () => openLibrary({ linkId: gone.linkId }));
  $('gone').hidden = false;
  document.body.dataset.gone = 'true';
}

/** The first save of a page, or "Save again" (a new version) of a saved one, with the edits made so far. */
async function save() {
  if ($('save').disabled) return;
  $('save').disabled = true;
  $('save-again').disabled = true;
  setState('queued', t('popup_sending'));
  try {
    // A saved link's tags and note are what the editor shows (chips removed too): store them first,
    // then the capture adds nothing of its own.
    // Offline, the edits travel with the capture kept for later instead.
    let offline = null;
    if (editor) {
      try {
        editor.show(await ask('native', { type: 'update-link', fields: editor.changes() }));
      } catch (e) {
        if (!['host-missing', 'daemon-unavailable', 'daemon-stopped'].includes(e.code)) throw e;
        offline = editor.changes();
      }
    }
    const result = await ask('capture-tab', {
      tabId: tab.id,
      tags: editor ? offline?.tags ?? [] : parseTags($('tags').value),
      note: (editor ? offline?.note : $('note').value.trim()) || undefined,
      mode: $('mode').value,
    });
    if (result.pending) {
      console.info('LinkSnap: kept for later:', result.reason);
      setState('pending', t('popup_pending'));
      return;
    }
    follow(result.snapshotId, result.linkId, $('mode').value);
  } catch (e) {
    setState('failed', t('popup_failed', { reason: e.message }));
    $('save').disabled = false;
    $('save-again').disabled = false;
  }
}

async function follow(snapshotId, linkId, capturedMode) {
  showSnapshotLink(snapshotId, linkId);
  setState('queued', t('popup_queued'));
  for (;;) {
    let status;
    try {
      status = await ask('native', { type: 'status', fields: { snapshotId } });
    } catch (e) {
      setState('failed', t('popup_lostTrack', { reason: e.message }));
      return;
    }
    switch (status.status) {
      case 'done':
        setState('done', t('popup_saved'));
        showAttention(status.quality, capturedMode);
        return;
      case 'partial':
        setState('partial', t('popup_savedPartially', { reason: status.reason ?? t('popup_someMissing') }));
        showAttention(status.quality, capturedMode);
        return;
      case 'failed':
        setState('failed', t('popup_failed', { reason: status.reason ?? t('popup_unknownReason') }));
        return;
      case 'running':
        setState('running', status.stage ? t('popup_capturingStage', { stage: t(`stage_${status.stage}`) }) : t('popup_capturing'));
        break;
      default:
        setState('queued', t('popup_queued'));
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * The quality guard's flags (decision 053): what may be wrong with the saved copy, and — for a fresh
 * capture — "Save as you see it", which carries this tab's login, dismissed banner and opened fold.
 */
function showAttention(flags, capturedMode) {
  if (!flags?.length) return;
  const kinds = flags.map((f) => t(`quality_${f.kind.replace(/-/g, '_')}`)).join(', ');
  $('attention-text').textContent = t('popup_needsAttention', { kinds });
  $('attention-text').title = flags.map((f) => f.reason).join('\n');
  $('save-as-seen').hidden = capturedMode === 'as-seen' || !flags.some((f) => f.action === 'save-as-seen');
  $('attention').hidden = false;
}

function showSnapshotLink(snapshotId, linkId) {
  const link = $('snapshot-link');
  link.hidden = false;
  link.onclick = (e) => {
    e.preventDefault();
    openLibrary({ linkId, snapshotId });
  };
}

async function openLibrary(target) {
  try {
    await ask('open-library', target);
    window.close();
  } catch (e) {
    reportHostProblem(e);
  }
}

function setState(state, text) {
  $('progress').hidden = false;
  $('state').dataset.state = state;
  $('state').textContent = text;
  document.body.dataset.state = state;
}

function reportHostProblem(e) {
  if (e.code === 'daemon-stopped') {
    // Stopped on purpose (`linksnap stop`): say so and let the person start it (decision 068).
    console.info('LinkSnap host problem:', e.code, e.message);
    if ($('stopped').hidden) $('stopped-text').textContent = t('popup_stopped');
    $('stopped').hidden = false;
    document.body.dataset.host = 'stopped';
  } else if (e.code === 'host-missing' || e.code === 'daemon-unavailable') {
    // Plain words for the person; the technical detail (paths, variables) goes to the console.
    console.info('LinkSnap host problem:', e.code, e.message);
    showProblem(t('popup_notReachable'));
  } else {
    showProblem(e.message);
  }
}

function showProblem(text) {
  $('host-problem').textContent = text;
  $('host-problem').hidden = false;
}

init();
