// "Snapshot this link": asks for tags quickly, then saves the link target (fresh) through the background.
// The box starts with the default tags (kept by the daemon); autocomplete is the popup's, over the same
// tags message. Enter (not while an input method composes) saves what is in the box, Skip saves with the
// default tags, Escape (when no suggestion list is open) and Cancel close without saving: a dialog
// dismissed saves nothing, as people expect of Escape.
import { ask } from '../shared/messages.js';
import { formatTags, parseTags } from '../shared/tags.js';
import { loadMessages, translatePage, t } from '../shared/i18n.js';
import { TagAutocomplete } from '../popup/tag-autocomplete.js';

const $ = (id) => document.getElementById(id);
const linkUrl = new URLSearchParams(location.search).get('url') ?? '';
/** False until the daemon's default tags are in the box: a save then asks the daemon to add them. */
let defaultsShown = false;
let busy = false;

async function init() {
  await loadMessages();
  translatePage();
  $('link-url').textContent = linkUrl;
  const autocomplete = new TagAutocomplete($('tags'), $('tag-suggestions'));
  $('tags').addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // an input method's Enter commits a word
    if (e.key === 'Enter' && !e.defaultPrevented && !autocomplete.hasSelection) {
      e.preventDefault();
      save({ tags: parseTags($('tags').value), useDefaultTags: !defaultsShown });
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing) window.close();
  });
  $('save').addEventListener('click', () => save({ tags: parseTags($('tags').value), useDefaultTags: !defaultsShown }));
  $('skip').addEventListener('click', () => save({ useDefaultTags: true }));
  $('cancel').addEventListener('click', () => window.close());
  $('tags').focus();

  ask('default-tags').then((tags) => {
    // Not over what the person has begun to type.
    if ($('tags').value.trim() === '') $('tags').value = formatTags(tags);
    defaultsShown = true;
  }).catch((e) => console.info('LinkSnap: no default tags yet:', e.code, e.message))
    .finally(() => { document.body.dataset.defaultsLoaded = String(defaultsShown); });
  ask('native', { type: 'tags', fields: { limit: 1000 } })
    .then(({ tags }) => autocomplete.setTags(tags ?? []))
    .catch(() => {});
}

async function save(choice) {
  if (busy) return;
  busy = true;
  setState('', t('popup_sending'));
  try {
    const result = await ask('capture-url', { url: linkUrl, ...choice });
    if (result.pending) {
      // Kept in the extension until LinkSnap answers (or is started again): say so, keep the window to be read.
      setState('pending', t('prompt_pending'));
      $('save').disabled = $('skip').disabled = true;
      $('cancel').textContent = t('prompt_close');
      return;
    }
    window.close();
  } catch (e) {
    setState('failed', t('popup_failed', { reason: e.message }));
    busy = false;
  }
}

function setState(state, text) {
  $('state').hidden = false;
  $('state').dataset.state = state;
  $('state').textContent = text;
  document.body.dataset.state = state;
}

init();
