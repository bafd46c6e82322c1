// The popup's editor for a page already in the library: the link's tags as removable chips (the tag
// input adds more, with the same autocomplete), its note, states and watch. changes() is the
// update-link message that stores them without a new version (docs/protocol.md).
import { parseTags } from '../shared/tags.js';
import { t } from '../shared/i18n.js';

const $ = (id) => document.getElementById(id);
const STATES = ['read', 'favorite', 'archived', 'private'];

export class SavedLinkEditor {
  constructor(autocomplete) {
    this.autocomplete = autocomplete;
    this.tags = [];
    this.watchShown = 'off';
    autocomplete.exclude = () => this.tags.map((tag) => tag.toLowerCase());
    $('tags').value = ''; // the default tags are for a first save, not for a link that has its own
    $('tags').setAttribute('placeholder', t('popup_addTagsPlaceholder'));
    $('save').textContent = t('popup_saveChanges');
    for (const id of ['tag-chips', 'link-edit', 'save-again']) $(id).hidden = false;
    // Enter in the tag input turns what was typed into chips; with nothing typed it saves the changes.
    $('tags').addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.defaultPrevented) return;
      if (parseTags($('tags').value).length === 0) return;
      e.preventDefault();
      this.commitTyped();
    });
    document.body.dataset.saved = 'true';
  }

  /** Shows the link as the daemon has it (lookup-url or update-link result). */
  show(link) {
    this.linkId = link.linkId;
    this.tags = [...link.tags];
    this.renderChips();
    $('note').value = link.note ?? '';
    for (const state of STATES) $(`state-${state}`).checked = Boolean(link.states?.[state]);
    this.watchShown = link.watch?.every ?? 'off';
    $('watch').value = this.watchShown;
    const tag = link.watch?.tag;
    $('watch-tag').hidden = !tag;
    if (tag) {
      const every = $('watch').selectedOptions[0]?.textContent ?? this.watchShown;
      $('watch-tag').textContent = t('popup_watchThroughTag', { tag, every });
    }
  }

  /** The update-link fields: everything shown, and the watch only when the person changed it (a tag's watch stays the tag's). */
  changes() {
    const fields = { linkId: this.linkId, tags: this.allTags(), note: $('note').value.trim() };
    for (const state of STATES) fields[state] = $(`state-${state}`).checked;
    if ($('watch').value !== this.watchShown) fields.watch = $('watch').value;
    return fields;
  }

  allTags() {
    const seen = new Set(this.tags.map((tag) => tag.toLowerCase()));
    return [...this.tags, ...parseTags($('tags').value).filter((tag) => !seen.has(tag.toLowerCase()))];
  }

  commitTyped() {
    this.tags = this.allTags();
    $('tags').value = '';
    this.autocomplete.hide();
    this.renderChips();
  }

  renderChips() {
    $('tag-chips').replaceChildren(
      ...this.tags.map((tag) => {
        const li = document.createElement('li');
        const name = document.createElement('span');
        name.textContent = tag;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', t('popup_removeTag', { tag }));
        remove.title = t('popup_removeTag', { tag });
        remove.addEventListener('click', () => {
          this.tags = this.tags.filter((other) => other !== tag);
          this.renderChips();
          $('tags').focus();
        });
        li.dataset.tag = tag;
        li.append(name, remove);
        return li;
      }),
    );
  }
}
