// Actions on the selected links: add tag, remove tag, recapture, read-later states, delete (after confirmation).
import { api } from './api.js';
import { h, showError, toast, confirmDialog, parseTags } from './dom.js';
import { refreshTags } from './tag-list.js';
import { t } from './i18n.js';
import { renderExportMenu, exportUrl } from './export-menu.js';

export function renderBulkBar(linkIds, done) {
  const tagInput = h('input', { id: 'bulk-tag', type: 'text', list: 'tag-suggestions', placeholder: t('bulk.tagPlaceholder'), 'aria-label': t('bulk.tagLabel'), class: 'tag-input' });
  const run = async (action, { needsTag = false, confirmText = null } = {}) => {
    const tag = parseTags(tagInput.value)[0];
    if (needsTag && !tag) {
      tagInput.focus();
      showError(new Error(t('bulk.needTag')));
      return;
    }
    if (confirmText && !(await confirmDialog(t('bulk.deleteTitle'), confirmText))) return;
    try {
      const result = await api.bulk(linkIds, action, needsTag ? tag : undefined);
      toast(labelFor(action, tag, result?.affected ?? linkIds.length));
      if (needsTag) await refreshTags();
      done();
    } catch (error) {
      showError(error);
    }
  };
  const n = linkIds.length;
  return h('div', { class: 'bulk', id: 'bulk-bar', role: 'toolbar', 'aria-label': t('bulk.label') },
    h('strong', {}, t('bulk.selected', { count: n })),
    tagInput,
    h('button', { type: 'button', onclick: () => run('add-tag', { needsTag: true }) }, t('bulk.addTag')),
    h('button', { type: 'button', onclick: () => run('remove-tag', { needsTag: true }) }, t('bulk.removeTag')),
    h('button', { type: 'button', onclick: () => run('recapture') }, t('action.recapture')),
    ['read', 'unread', 'favorite', 'unfavorite', 'archive', 'unarchive'].map((action) => h('button', { type: 'button', dataset: { bulk: action }, onclick: () => run(action) }, t(`bulk.state.${action}`))),
    renderExportMenu({ ids: linkIds }, 'bulk-export'),
    h('a', { class: 'button', id: 'bulk-wacz', href: exportUrl('wacz', { ids: linkIds }), download: '', title: t('bulk.downloadWaczTitle') }, t('action.downloadWacz')),
    h('button', {
      type: 'button', class: 'danger',
      onclick: () => run('delete', { confirmText: t('bulk.deleteConfirm', { count: n }) }),
    }, t('action.delete')),
    h('button', { type: 'button', class: 'link', onclick: () => { document.querySelectorAll('.card .select:checked').forEach((c) => c.click()); } }, t('bulk.clear')));
}

function labelFor(action, tag, count) {
  switch (action) {
    case 'add-tag': return t('bulk.tagged', { tag, count });
    case 'remove-tag': return t('bulk.untagged', { tag, count });
    case 'recapture': return t('bulk.recaptured', { count });
    case 'read': case 'unread': case 'favorite': case 'unfavorite': case 'archive': case 'unarchive': return t('bulk.stateChanged', { count });
    default: return t('bulk.deleted', { count });
  }
}
