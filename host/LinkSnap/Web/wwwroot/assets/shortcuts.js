// "?": the keyboard shortcuts of the library, in a dialog.
import { h, openDialog } from './dom.js';
import { t } from './i18n.js';

// Each entry is a message pair: shortcuts.<name>.keys (what to press) and shortcuts.<name> (what it does).
const shortcuts = ['search', 'help', 'move', 'open', 'select', 'range', 'read', 'favorite', 'archive', 'close'];

export function showShortcuts() {
  return openDialog(t('shortcuts.title'), h('dl', { class: 'shortcuts', id: 'shortcuts' },
    shortcuts.flatMap((name) => [h('dt', {}, h('kbd', {}, t(`shortcuts.${name}.keys`))), h('dd', {}, t(`shortcuts.${name}`))])), []);
}
