// Options: host status (version, library URL, data folder), test connection, default tags (kept by the
// daemon: edited here through the relay), default mode, language and whether to start LinkSnap automatically.
import { ask } from '../shared/messages.js';
import { getSettings, saveSettings } from '../shared/settings.js';
import { formatTags, parseTags } from '../shared/tags.js';
import { loadMessages, translatePage, t, languages } from '../shared/i18n.js';

const $ = (id) => document.getElementById(id);

async function testConnection() {
  $('host-state').textContent = t('options_checking');
  $('host-state').dataset.state = '';
  try {
    await ask('flush-pending').catch(() => {});
    const info = await ask('native', { type: 'ping' });
    $('host-state').textContent = t('options_connected');
    $('host-state').dataset.state = 'ok';
    $('host-version').textContent = info.version ?? '–';
    $('host-library').textContent = info.libraryUrl ?? '–';
    $('host-data').textContent = info.dataDirectory ?? '–';
    $('host-help').hidden = true;
  } catch (e) {
    console.info('LinkSnap host problem:', e.code, e.message);
    $('host-state').textContent = t('options_notReachable');
    $('host-state').dataset.state = 'error';
    $('host-help').hidden = false;
  }
  const pending = await ask('pending').catch(() => []);
  $('host-pending').textContent = pending.length === 0 ? t('options_nothing') : t(pending.length === 1 ? 'options_oneCapture' : 'options_captures', { count: pending.length });
}

/** The daemon's default tags into the field; true when they are there. */
async function loadDefaultTags() {
  try {
    const tags = await ask('default-tags');
    if (!$('default-tags').dataset.edited) $('default-tags').value = formatTags(tags);
    return true;
  } catch (e) {
    console.info('LinkSnap host problem:', e.code, e.message);
    $('default-tags-state').textContent = t('options_defaultTagsUnavailable');
    return false;
  } finally {
    document.body.dataset.defaultsLoaded = 'true';
  }
}

/** Null when the daemon stored the field's tags (shown back as stored), else what to tell the person. */
async function saveDefaultTags() {
  try {
    const stored = await ask('set-default-tags', { tags: parseTags($('default-tags').value) });
    $('default-tags').value = formatTags(stored);
    delete $('default-tags').dataset.edited;
    $('default-tags-state').textContent = '';
    return null;
  } catch (e) {
    console.info('LinkSnap host problem:', e.code, e.message);
    return e.code === 'bad-message' ? t('options_defaultTagsRefused', { reason: e.message }) : t('options_defaultTagsNotSaved');
  }
}

async function init() {
  await loadMessages();
  translatePage();
  const settings = await getSettings();
  $('language').replaceChildren(new Option(t('options_languageAuto'), ''), ...languages.map(([code, name]) => new Option(name, code)));
  $('language').value = languages.some(([code]) => code === settings.language) ? settings.language : '';
  $('default-mode').value = settings.defaultMode;
  $('auto-start').checked = settings.autoStart;
  const defaults = loadDefaultTags();
  $('defaults').addEventListener('submit', async (e) => {
    e.preventDefault();
    const languageChanged = $('language').value !== (await getSettings()).language;
    await saveSettings({ defaultMode: $('default-mode').value, language: $('language').value, autoStart: $('auto-start').checked });
    // Default tags not loaded (LinkSnap away) and not edited are left as the daemon has them.
    const tagsProblem = (await defaults) || $('default-tags').dataset.edited ? await saveDefaultTags() : null;
    if (languageChanged && !tagsProblem) {
      location.reload();
      return;
    }
    $('saved').textContent = tagsProblem ?? t('options_saved');
  });
  $('default-tags').addEventListener('input', () => { $('default-tags').dataset.edited = 'true'; });
  $('test-connection').addEventListener('click', testConnection);
  $('host-library').addEventListener('click', (e) => {
    e.preventDefault();
    ask('open-library').catch((err) => {
      console.info('LinkSnap host problem:', err.code, err.message);
      $('host-state').textContent = t('options_notReachable');
    });
  });
  testConnection();
}

init();
