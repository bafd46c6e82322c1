// Autocomplete for the comma-separated tag input, over the user's tags fetched once from the daemon.
// The list opens on typing or Arrow-Down (not on focus, where it would cover the form) and closes
// on a pick, Escape and blur; it sits in the flow of the form, so it never covers the Save button.
import { completeToken, currentToken, parseTags } from '../shared/tags.js';

const MAX_SUGGESTIONS = 8;

export class TagAutocomplete {
  constructor(input, list) {
    this.input = input;
    this.list = list;
    this.tags = [];
    /** Tags not to suggest besides those typed (a saved link's chips), lower-cased. */
    this.exclude = () => [];
    this.active = -1;
    input.addEventListener('input', () => this.render());
    // Later, so a click on a suggestion lands first; not when focus came back meanwhile (e.g. after
    // removing a tag chip), or it would close the list the next keystroke opened.
    input.addEventListener('blur', () => setTimeout(() => {
      if (document.activeElement !== this.input) this.hide();
    }, 150));
    input.addEventListener('keydown', (e) => this.onKey(e));
    list.addEventListener('mousedown', (e) => {
      const li = e.target.closest('li');
      if (li) {
        e.preventDefault();
        this.choose(li.dataset.tag);
      }
    });
  }

  setTags(tags) {
    this.tags = tags;
    if (document.activeElement === this.input && !this.list.hidden) this.render();
  }

  render() {
    const token = currentToken(this.input.value).toLowerCase();
    const taken = new Set([...parseTags(this.input.value).map((t) => t.toLowerCase()), ...this.exclude()]);
    const matches = this.tags
      .filter((t) => t.name.toLowerCase().startsWith(token) && !taken.has(t.name.toLowerCase()))
      .slice(0, MAX_SUGGESTIONS);
    this.list.replaceChildren(
      ...matches.map((t, i) => {
        const li = document.createElement('li');
        li.role = 'option';
        li.dataset.tag = t.name;
        li.setAttribute('aria-selected', String(i === this.active));
        const name = document.createElement('span');
        name.textContent = t.name;
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = String(t.count);
        li.append(name, count);
        return li;
      }),
    );
    this.list.hidden = matches.length === 0;
    if (this.active >= matches.length) this.active = matches.length - 1;
  }

  hide() {
    this.list.hidden = true;
    this.active = -1;
  }

  choose(tag) {
    this.input.value = completeToken(this.input.value, tag);
    this.input.focus();
    this.hide();
  }

  /** True when a suggestion is highlighted (Enter then picks it instead of saving). */
  get hasSelection() {
    return !this.list.hidden && this.active >= 0;
  }

  onKey(e) {
    if (e.isComposing || e.keyCode === 229) return; // an input method's Enter commits a word
    if (e.key === 'ArrowDown' && this.list.hidden) {
      e.preventDefault();
      this.render();
      return;
    }
    const items = [...this.list.querySelectorAll('li')];
    if (this.list.hidden || items.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + items.length) % items.length;
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && this.active >= 0) {
      e.preventDefault();
      this.choose(items[this.active].dataset.tag);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.hide();
    }
  }
}
