// A link's read-later states (read, favourite, archived, private) as compact toggle buttons, on cards
// and on the link page. Each button has a fixed accessible name and aria-pressed for its state.
import { api } from './api.js';
import { h, showError, toast } from './dom.js';
import { t } from './i18n.js';

const states = [
  // [field in LinkSummary, icon when on, icon when off]
  ['read', '✓', '○'],
  ['favorite', '★', '☆'],
  ['archived', '▣', '▢'],
  ['private', '◆', '◇'],
];

// onChange(updatedLink) after the server accepted the change. On cards the buttons are not tab
// stops (inCard): the focused card toggles them with r, f and e (grid-keys.js).
export function stateButtons(link, onChange, { withPrivate = false, inCard = false } = {}) {
  return h('span', { class: 'link-states', role: 'group', 'aria-label': t('state.group') },
    states.filter(([field]) => withPrivate || field !== 'private').map(([field, on, off]) => h('button', {
      type: 'button', class: 'state-toggle', dataset: { state: field }, tabindex: inCard ? -1 : undefined,
      'aria-pressed': link[field] ? 'true' : 'false',
      'aria-label': t(`state.${field}`), title: t(link[field] ? `state.${field}.on` : `state.${field}.off`),
      onclick: async (event) => {
        event.stopPropagation();
        try {
          const updated = await api.updateLink(link.id, { [field]: !link[field] });
          toast(t(updated[field] ? `state.${field}.on` : `state.${field}.off`));
          onChange(updated);
        } catch (error) {
          showError(error);
        }
      },
    }, link[field] ? on : off)));
}
