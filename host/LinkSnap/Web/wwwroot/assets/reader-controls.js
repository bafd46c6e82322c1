// Font size, line width and theme of the reader view. The reader frame is cross-origin and runs none of
// this page's script, so a choice reloads it with the choice in its query string (ReaderPage applies it);
// the fragment (the reading-progress key) is kept, and the frame scrolls back to where the person was. Remembered in this
// browser for every link: it is how this person likes to read, not a property of the link.
import { h } from './dom.js';
import { t } from './i18n.js';

const storageKey = 'linksnap-reader';
const options = {
  size: ['s', 'm', 'l', 'xl'],
  width: ['narrow', 'medium', 'wide'],
  theme: ['auto', 'light', 'sepia', 'dark'],
};
const defaults = { size: 'm', width: 'medium', theme: 'auto' };

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) || '{}');
    return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, options[k].includes(saved[k]) ? saved[k] : v]));
  } catch {
    return { ...defaults };
  }
}

const withChoices = (src, choices, key) => `${src}?${new URLSearchParams(choices)}#${encodeURIComponent(key)}`;

export function readerWithControls(frame, src, key) {
  const choices = load();
  frame.src = withChoices(src, choices, key);
  const controls = h('div', { class: 'reader-controls', role: 'group', 'aria-label': t('reader.controls') },
    Object.keys(options).map((key) => {
      const select = h('select', { id: `reader-${key}`, 'aria-label': t(`reader.${key}`) },
        options[key].map((value) => h('option', { value, selected: value === choices[key] }, t(`reader.${key}.${value}`))));
      select.addEventListener('change', () => {
        choices[key] = select.value;
        localStorage.setItem(storageKey, JSON.stringify(choices));
        frame.src = withChoices(src, choices, key);
      });
      return h('label', {}, h('span', {}, t(`reader.${key}`)), ' ', select);
    }));
  return [controls, frame];
}
