// Actions on the selected links: add tag, remove tag, recapture, delete (after confirmation).
import { api } from './api.js';
import { h, showError, toast, confirmDialog, parseTags } from './dom.js';
import { refreshTags } from './tag-list.js';

export function renderBulkBar(linkIds, done) {
  const tagInput = h('input', { id: 'bulk-tag', type: 'text', list: 'tag-suggestions', placeholder: 'tag', 'aria-label': 'Tag for selected links', class: 'tag-input' });
  const run = async (action, { needsTag = false, confirmText = null } = {}) => {
    const tag = parseTags(tagInput.value)[0];
    if (needsTag && !tag) {
      tagInput.focus();
      showError(new Error('Type a tag first.'));
      return;
    }
    if (confirmText && !(await confirmDialog('Delete links', confirmText))) return;
    try {
      const result = await api.bulk(linkIds, action, needsTag ? tag : undefined);
      toast(`${labelFor(action, tag)}: ${result?.affected ?? linkIds.length} link(s)`);
      if (needsTag) await refreshTags();
      done();
    } catch (error) {
      showError(error);
    }
  };
  const n = linkIds.length;
  return h('div', { class: 'bulk', id: 'bulk-bar', role: 'toolbar', 'aria-label': 'Bulk actions' },
    h('strong', {}, `${n} selected`),
    tagInput,
    h('button', { type: 'button', onclick: () => run('add-tag', { needsTag: true }) }, 'Add tag'),
    h('button', { type: 'button', onclick: () => run('remove-tag', { needsTag: true }) }, 'Remove tag'),
    h('button', { type: 'button', onclick: () => run('recapture') }, 'Recapture'),
    h('button', {
      type: 'button', class: 'danger',
      onclick: () => run('delete', { confirmText: `Delete ${n} link(s) with all their snapshots and files? This cannot be undone.` }),
    }, 'Delete'),
    h('button', { type: 'button', class: 'link', onclick: () => { document.querySelectorAll('.card .select:checked').forEach((c) => c.click()); } }, 'Clear selection'));
}

function labelFor(action, tag) {
  switch (action) {
    case 'add-tag': return `Tagged “${tag}”`;
    case 'remove-tag': return `Removed “${tag}”`;
    case 'recapture': return 'Recapture queued';
    default: return 'Deleted';
  }
}
