// Toolbar popup: shows the tab, whether it is already saved, and saves it with tags and a note,
// then follows the capture to its end. Opened for a given tab with ?tab=ID (tests, keyboard users).
import { api } from '../shared/browser-api.js';
import { ask } from '../shared/messages.js';
import { getSettings } from '../shared/settings.js';
import { parseTags, formatTags } from '../shared/tags.js';
import { TagAutocomplete } from './tag-autocomplete.js';

const POLL_MS = 700;
const $ = (id) => document.getElementById(id);
const STAGES = { loading: 'loading the page', settling: 'waiting for the page to settle', saving: 'saving files' };

let tab;
let autocomplete;

async function init() {
  tab = await findTab();
  $('page-title').textContent = tab?.title || '(untitled)';
  $('page-url').textContent = tab?.url ?? '';
  $('page-url').title = tab?.url ?? '';

  const settings = await getSettings();
  $('tags').value = formatTags(settings.defaultTags);
  $('mode').value = settings.defaultMode;
  autocomplete = new TagAutocomplete($('tags'), $('tag-suggestions'));

  $('save-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!autocomplete.hasSelection) save();
  });
  $('note').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    }
  });
  $('open-library').addEventListener('click', (e) => {
    e.preventDefault();
    openLibrary({});
  });
  $('tags').focus();

  // Opening the popup is a good moment to send captures kept while LinkSnap was away.
  ask('flush-pending').catch(() => {});
  loadTags();
  if (tab?.url && /^https?:/i.test(tab.url)) {
    lookup(tab.url);
  } else {
    $('save').disabled = true;
    showProblem('Only web pages (http/https) can be saved.');
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

async function lookup(url) {
  try {
    const found = await ask('native', { type: 'lookup-url', fields: { url } });
    if (found.saved) {
      const times = found.snapshotCount === 1 ? 'once' : `${found.snapshotCount} times`;
      const when = found.lastSavedAt ? `, last on ${new Date(found.lastSavedAt).toLocaleString()}` : '';
      $('saved-before').textContent = `Already saved ${times}${when}.`;
      $('saved-before').hidden = false;
    }
  } catch (e) {
    reportHostProblem(e);
  }
}

async function save() {
  if ($('save').disabled) return;
  $('save').disabled = true;
  setState('queued', 'Sending…');
  try {
    const result = await ask('capture-tab', {
      tabId: tab.id,
      tags: parseTags($('tags').value),
      note: $('note').value.trim() || undefined,
      mode: $('mode').value,
    });
    if (result.pending) {
      setState('pending', `Pending: LinkSnap is not reachable right now (${result.reason}). The page is kept and will be sent when LinkSnap is back.`);
      return;
    }
    follow(result.snapshotId, result.linkId);
  } catch (e) {
    setState('failed', `Failed: ${e.message}`);
    $('save').disabled = false;
  }
}

async function follow(snapshotId, linkId) {
  showSnapshotLink(snapshotId, linkId);
  setState('queued', 'Queued');
  for (;;) {
    let status;
    try {
      status = await ask('native', { type: 'status', fields: { snapshotId } });
    } catch (e) {
      setState('failed', `Lost track of the capture: ${e.message}`);
      return;
    }
    switch (status.status) {
      case 'done':
        setState('done', 'Saved ✓');
        return;
      case 'partial':
        setState('partial', `Saved partially: ${status.reason ?? 'some parts are missing'}`);
        return;
      case 'failed':
        setState('failed', `Failed: ${status.reason ?? 'unknown reason'}`);
        return;
      case 'running':
        setState('running', `Capturing… ${STAGES[status.stage] ?? ''}`.trim());
        break;
      default:
        setState('queued', 'Queued');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
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
  if (e.code === 'host-missing' || e.code === 'daemon-unavailable') {
    showProblem(`LinkSnap is not reachable (${e.message}). You can still save: the page is kept and sent when LinkSnap is back.`);
  } else {
    showProblem(e.message);
  }
}

function showProblem(text) {
  $('host-problem').textContent = text;
  $('host-problem').hidden = false;
}

init();
