// Tags with counts as a tree ("nlp/interpretability" sits under "nlp"): rename (with the subtree),
// merge, delete, watch; folders show their total and fold; a filter box narrows the tree.
import { api, ApiError } from './api.js';
import { h, showError, clearError, toast, openDialog, confirmDialog } from './dom.js';
import { refreshTags } from './tag-list.js';
import { t, formatNumber } from './i18n.js';
import { tagWatchControl } from './watch.js';

const foldedKey = 'linksnap-tags-folded';

export function renderTagsPage(root) {
  let tagWatches = new Map();
  let allTags = [];
  const folded = new Set(JSON.parse(localStorage.getItem(foldedKey) || '[]'));
  const filter = h('input', {
    id: 'tag-filter', type: 'search', placeholder: t('tagsPage.filterPlaceholder'), 'aria-label': t('tagsPage.filterLabel'),
    oninput: () => drawTree(),
  });
  const treeHost = h('div');

  const draw = async () => {
    const [tags, watches] = await Promise.all([refreshTags(), api.watches()]);
    tagWatches = new Map(watches.tags.map((w) => [w.tag.toLowerCase(), w.every]));
    allTags = tags;
    clearError();
    if (!root.contains(filter)) root.replaceChildren(h('h1', {}, t('tagsPage.title')), filter, treeHost);
    drawTree();
  };

  // While filtering, the matching tags show with their folders, unfolded.
  const drawTree = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = q ? allTags.filter((tag) => tag.name.toLowerCase().includes(q)) : allTags;
    filter.hidden = !allTags.length;
    treeHost.replaceChildren(!allTags.length ? h('p', { class: 'empty' }, t('tagsPage.empty'))
      : shown.length ? h('ul', { class: 'tag-tree', id: 'tag-tree' }, buildTree(shown).map((n) => node(n, Boolean(q))))
        : h('p', { class: 'empty', id: 'tag-filter-empty' }, t('tagsPage.filterNone', { q: filter.value.trim() })));
  };

  const toggle = (path) => {
    if (folded.has(path)) folded.delete(path); else folded.add(path);
    localStorage.setItem(foldedKey, JSON.stringify([...folded]));
    drawTree();
  };

  const node = (n, filtering) => h('li', { dataset: { tagNode: n.path } },
    h('div', { class: 'tag-row' },
      n.children.length ? h('button', {
        type: 'button', class: 'fold', 'aria-expanded': filtering || !folded.has(n.path) ? 'true' : 'false',
        'aria-label': t('tagsPage.foldLabel', { tag: n.path }), onclick: () => toggle(n.path),
      }, filtering || !folded.has(n.path) ? '▾' : '▸') : h('span', { class: 'fold-space' }),
      n.tag
        ? h('a', { class: 'tag tag-label', href: `/?tag=${encodeURIComponent(n.tag.name)}`, 'data-nav': true }, n.label)
        : h('span', { class: 'muted tag-label' }, n.label),
      n.tag ? h('span', { class: 'count' }, formatNumber(n.tag.count)) : null,
      n.children.length ? h('span', { class: 'count total', title: t('tagsPage.totalTitle') }, t('tagsPage.total', { count: total(n) })) : null,
      n.tag ? h('span', { class: 'row-actions' },
        tagWatchControl(n.tag.name, tagWatches.get(n.tag.name.toLowerCase()) || 'off'),
        h('button', { type: 'button', onclick: () => rename(n.tag.name, n), 'aria-label': t('tagsPage.renameLabel', { tag: n.tag.name }) }, t('tagsPage.rename')),
        h('button', { type: 'button', onclick: () => merge(n.tag.name), 'aria-label': t('tagsPage.mergeLabel', { tag: n.tag.name }) }, t('tagsPage.mergeInto')),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(n.tag), 'aria-label': t('tagsPage.deleteLabel', { tag: n.tag.name }) }, t('action.delete'))) : null),
    n.children.length ? h('ul', { hidden: !filtering && folded.has(n.path) }, n.children.map((c) => node(c, filtering))) : null);

  // The whole subtree moves with its tag; a name already in use asks before the two are merged.
  const rename = async (name, n) => {
    const input = h('input', { name: 'to', value: name, required: true, maxlength: 100, id: 'rename-to' });
    const below = countBelow(n);
    const content = [h('label', {}, t('tagsPage.newName'), input), below ? h('p', { class: 'muted', id: 'rename-subtree' }, t('tagsPage.renameSubtree', { count: below })) : null];
    if ((await openDialog(t('tagsPage.renameTitle', { tag: name }), content, [{ value: 'ok', label: t('tagsPage.rename'), class: 'primary' }])) !== 'ok') return;
    const to = input.value.trim();
    const existing = allTags.find((tag) => tag.name.toLowerCase() === to.toLowerCase() && tag.name.toLowerCase() !== name.toLowerCase());
    if (existing && !(await confirmDialog(t('tagsPage.mergeExistingTitle', { tag: existing.name }), t('tagsPage.mergeExisting', { from: name, to: existing.name, count: existing.count }), t('tagsPage.merge')))) return;
    await act(() => api.renameTag(name, to), existing ? t('tagsPage.merged', { tag: existing.name }) : t('tagsPage.renamed', { tag: to }));
  };
  const merge = async (name) => {
    const input = h('input', { name: 'into', list: 'tag-suggestions', required: true, maxlength: 100, id: 'merge-into' });
    if ((await openDialog(t('tagsPage.mergeTitle', { tag: name }), h('label', {}, t('tagsPage.tagToKeep'), input), [{ value: 'ok', label: t('tagsPage.merge'), class: 'primary' }])) !== 'ok') return;
    await act(() => api.mergeTags([name], input.value.trim()), t('tagsPage.merged', { tag: input.value.trim() }));
  };
  const remove = async (tag) => {
    try {
      await api.deleteTag(tag.name, false);
      toast(t('tagsPage.deleted', { tag: tag.name }));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) { showError(error); return; }
      if (!(await confirmDialog(t('tagsPage.deleteTitle', { tag: tag.name }), t('tagsPage.deleteConfirm', { count: tag.count }), t('tagsPage.deleteTag')))) return;
      await act(() => api.deleteTag(tag.name, true), t('tagsPage.deleted', { tag: tag.name }));
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

// A folder's total: the links of its tags, each tag counted (a link with two of them counts twice).
function total(n) {
  return (n.tag?.count || 0) + n.children.reduce((sum, c) => sum + total(c), 0);
}

function countBelow(n) {
  return n.children.reduce((sum, c) => sum + (c.tag ? 1 : 0) + countBelow(c), 0);
}

// Chinese tags sort by pinyin among the Latin ones: 模型 (mó) files under M, beside "machine".
// The zh collation orders Han by pinyin; the first character of each initial's range finds a
// character's initial letter (there is no pinyin table in Intl).
const collator = new Intl.Collator(['zh-CN-u-co-pinyin', 'en'], { sensitivity: 'base', numeric: true });
const initials = [...'阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀'];
const initialLetters = 'ABCDEFGHJKLMNOPQRSTWXYZ';
function sortKey(name) {
  const first = name.trim()[0] || '';
  if (!/\p{Script=Han}/u.test(first)) return first.toUpperCase();
  let i = initials.length - 1;
  while (i > 0 && collator.compare(first, initials[i]) < 0) i -= 1;
  return initialLetters[i];
}
// Under one initial, Latin names come first: without a pinyin table, "machine" and 模型 (mó) tie.
const isHan = (name) => /^\s*\p{Script=Han}/u.test(name);
export function compareTags(a, b) {
  return sortKey(a).localeCompare(sortKey(b)) || isHan(a) - isHan(b) || collator.compare(a, b);
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
  for (const tag of [...tags].sort((a, b) => compareTags(a.name, b.name))) {
    const parts = tag.name.split('/').map((p) => p.trim()).filter(Boolean);
    if (!parts.length) continue;
    ensure(parts).tag = tag;
  }
  return roots;
}
