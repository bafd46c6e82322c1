// Tags with counts as a tree ("nlp/interpretability" sits under "nlp"): rename, merge, delete.
import { api, ApiError } from './api.js';
import { h, showError, clearError, toast, openDialog, confirmDialog } from './dom.js';
import { refreshTags } from './tag-list.js';

export function renderTagsPage(root) {
  const draw = async () => {
    const tags = await refreshTags();
    clearError();
    const tree = buildTree(tags);
    root.replaceChildren(
      h('h1', {}, 'Tags'),
      tags.length ? h('ul', { class: 'tag-tree', id: 'tag-tree' }, tree.map(node)) : h('p', { class: 'empty' }, 'No tags yet.'));
  };

  const node = (n) => h('li', { dataset: { tagNode: n.path } },
    h('div', { class: 'tag-row' },
      n.tag
        ? h('a', { class: 'tag', href: `/?tag=${encodeURIComponent(n.tag.name)}`, 'data-nav': true }, n.label)
        : h('span', { class: 'muted' }, n.label),
      n.tag ? h('span', { class: 'count' }, `${n.tag.count}`) : null,
      n.tag ? h('span', { class: 'row-actions' },
        h('button', { type: 'button', onclick: () => rename(n.tag.name), 'aria-label': `Rename ${n.tag.name}` }, 'Rename'),
        h('button', { type: 'button', onclick: () => merge(n.tag.name), 'aria-label': `Merge ${n.tag.name}` }, 'Merge into…'),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(n.tag), 'aria-label': `Delete ${n.tag.name}` }, 'Delete')) : null),
    n.children.length ? h('ul', {}, n.children.map(node)) : null);

  const rename = async (name) => {
    const input = h('input', { name: 'to', value: name, required: true, maxlength: 100, id: 'rename-to' });
    if ((await openDialog(`Rename “${name}”`, h('label', {}, 'New name', input), [{ value: 'ok', label: 'Rename', class: 'primary' }])) !== 'ok') return;
    await act(() => api.renameTag(name, input.value.trim()), `Renamed to “${input.value.trim()}”`);
  };
  const merge = async (name) => {
    const input = h('input', { name: 'into', list: 'tag-suggestions', required: true, maxlength: 100, id: 'merge-into' });
    if ((await openDialog(`Merge “${name}” into…`, h('label', {}, 'Tag to keep', input), [{ value: 'ok', label: 'Merge', class: 'primary' }])) !== 'ok') return;
    await act(() => api.mergeTags([name], input.value.trim()), `Merged into “${input.value.trim()}”`);
  };
  const remove = async (tag) => {
    try {
      await api.deleteTag(tag.name, false);
      toast(`Deleted “${tag.name}”`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) { showError(error); return; }
      if (!(await confirmDialog(`Delete “${tag.name}”?`, `It is on ${tag.count} link(s). The links stay; only the tag is removed from them.`, 'Delete tag'))) return;
      await act(() => api.deleteTag(tag.name, true), `Deleted “${tag.name}”`);
      return;
    }
    await draw();
  };
  const act = async (call, message) => {
    try {
      await call();
      toast(message);
      await draw();
    } catch (error) {
      showError(error);
    }
  };

  draw().catch(showError);
  return { dispose() {} };
}

// Turns flat tags into a tree by "/"; a parent that is not itself a tag still appears as a folder.
export function buildTree(tags) {
  const roots = [];
  const byPath = new Map();
  const ensure = (parts) => {
    const path = parts.join('/');
    if (byPath.has(path.toLowerCase())) return byPath.get(path.toLowerCase());
    const n = { path, label: parts[parts.length - 1], tag: null, children: [] };
    byPath.set(path.toLowerCase(), n);
    (parts.length > 1 ? ensure(parts.slice(0, -1)).children : roots).push(n);
    return n;
  };
  for (const tag of [...tags].sort((a, b) => a.name.localeCompare(b.name))) {
    const parts = tag.name.split('/').map((p) => p.trim()).filter(Boolean);
    if (!parts.length) continue;
    ensure(parts).tag = tag;
  }
  return roots;
}
