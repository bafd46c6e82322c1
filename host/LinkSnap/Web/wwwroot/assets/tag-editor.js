// Tags of one link: chips with a remove button and an input with autocomplete that adds on Enter.
import { api } from './api.js';
import { h, showError, parseTags } from './dom.js';
import { refreshTags } from './tag-list.js';
import { t } from './i18n.js';
import { isComposing } from './dom.js';

export function tagChip(tag, onRemove) {
  return h('span', { class: 'tag', dataset: { tag } },
    h('a', { href: `/?tag=${encodeURIComponent(tag)}`, 'data-nav': true }, tag),
    onRemove ? h('button', { type: 'button', title: t('tags.remove', { tag }), 'aria-label': t('tags.remove', { tag }), onclick: onRemove }, '×') : null);
}

// Renders the editor into a container; `onChange(updatedLink)` is called after each change.
export function tagEditor(link, onChange) {
  const box = h('div', { class: 'tags' });
  const render = (current) => {
    const input = h('input', {
      class: 'tag-input', type: 'text', list: 'tag-suggestions', placeholder: t('tags.addPlaceholder'),
      'aria-label': t('tags.addTo', { title: current.title || current.url }),
    });
    input.addEventListener('keydown', async (event) => {
      event.stopPropagation();
      if (event.key !== 'Enter' || isComposing(event)) return;
      event.preventDefault();
      const tags = parseTags(input.value);
      if (!tags.length) return;
      try {
        const updated = await api.addTags(current.id, tags) || await api.link(current.id);
        await refreshTags();
        render(updated.tags ? updated : await api.link(current.id));
        onChange?.(updated);
        box.querySelector('.tag-input')?.focus();
      } catch (error) {
        showError(error);
      }
    });
    box.replaceChildren(
      ...(current.tags || []).map((tag) => tagChip(tag, async () => {
        try {
          await api.removeTag(current.id, tag);
          const updated = await api.link(current.id);
          await refreshTags();
          render(updated);
          onChange?.(updated);
        } catch (error) {
          showError(error);
        }
      })),
      input);
  };
  render(link);
  return box;
}
