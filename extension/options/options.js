// Options: host status (version, library URL, data folder), test connection, default tags and mode.
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

async function init() {
  await loadMessages();
  translatePage();
  const settings = await getSettings();
  $('language').replaceChildren(new Option(t('options_languageAuto'), ''), ...languages.map(([code, name]) => new Option(name, code)));
  $('language').value = languages.some(([code]) => code === settings.language) ? settings.language : '';
  $('default-tags').value = formatTags(settings.defaultTags);
  $('default-mode').value = settings.defaultMode;
  $('defaults').addEventListener('submit', async (e) => {
    e.preventDefault();
    const languageChanged = $('language').value !== (await getSettings()).language;
    await saveSettings({ defaultTags: parseTags($('default-tags').value), defaultMode: $('default-mode').value, language: $('language').value });
    if (languageChanged) {
      location.reload();
      return;
    }
    $('saved').textContent = t('options_saved');
  });
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
