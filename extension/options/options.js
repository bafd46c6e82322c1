// Options: host status (version, library URL, data folder), test connection, default tags and mode.
import { ask } from '../shared/messages.js';
import { getSettings, saveSettings } from '../shared/settings.js';
import { formatTags, parseTags } from '../shared/tags.js';

const $ = (id) => document.getElementById(id);

async function testConnection() {
  $('host-state').textContent = 'Checking…';
  $('host-state').dataset.state = '';
  try {
    await ask('flush-pending').catch(() => {});
    const info = await ask('native', { type: 'ping' });
    $('host-state').textContent = 'Connected';
    $('host-state').dataset.state = 'ok';
    $('host-version').textContent = info.version ?? '–';
    $('host-library').textContent = info.libraryUrl ?? '–';
    $('host-data').textContent = info.dataDirectory ?? '–';
    $('host-help').hidden = true;
  } catch (e) {
    $('host-state').textContent = `Not reachable: ${e.message}`;
    $('host-state').dataset.state = 'error';
    $('host-help').hidden = false;
  }
  const pending = await ask('pending').catch(() => []);
  $('host-pending').textContent = pending.length === 0 ? 'nothing' : `${pending.length} capture(s)`;
}

async function init() {
  const settings = await getSettings();
  $('default-tags').value = formatTags(settings.defaultTags);
  $('default-mode').value = settings.defaultMode;
  $('defaults').addEventListener('submit', async (e) => {
    e.preventDefault();
    await saveSettings({ defaultTags: parseTags($('default-tags').value), defaultMode: $('default-mode').value });
    $('saved').textContent = 'Saved.';
  });
  $('test-connection').addEventListener('click', testConnection);
  $('host-library').addEventListener('click', (e) => {
    e.preventDefault();
    ask('open-library').catch((err) => {
      $('host-state').textContent = `Not reachable: ${err.message}`;
    });
  });
  testConnection();
}

init();
