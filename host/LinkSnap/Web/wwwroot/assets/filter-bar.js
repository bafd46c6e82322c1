// Search box, view/sort controls and filters (tags and/or, site, date range, status).
import { h, parseTags } from './dom.js';

let typingTimer = null;

export function renderFilters(state, setState) {
  const search = h('input', {
    id: 'search', type: 'search', value: state.q, placeholder: 'Search titles, text, tags, notes…  ( / )',
    'aria-label': 'Search', autocomplete: 'off',
  });
  search.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => setState({ q: search.value.trim() }, { redraw: false }), 180);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value) {
      search.value = '';
      setState({ q: '' }, { redraw: false });
    }
  });

  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'search' }, search),
    h('label', {}, h('span', { class: 'visually-hidden' }, 'Sort by'),
      select('sort', state.sort, [['saved', 'Date saved'], ['title', 'Title'], ['site', 'Site']], (sort) => setState({ sort }))),
    h('button', {
      type: 'button', id: 'order', title: 'Sort order', 'aria-label': `Order: ${state.order === 'desc' ? 'descending' : 'ascending'}`,
      onclick: () => setState({ order: state.order === 'desc' ? 'asc' : 'desc' }),
    }, state.order === 'desc' ? '↓' : '↑'),
    h('button', {
      type: 'button', id: 'view-toggle', 'aria-pressed': state.view === 'list' ? 'true' : 'false',
      onclick: () => setState({ view: state.view === 'grid' ? 'list' : 'grid' }, { reload: false }),
    }, state.view === 'grid' ? 'List view' : 'Grid view'));

  const tagInput = h('input', {
    id: 'filter-tag', type: 'text', list: 'tag-suggestions', placeholder: 'filter by tag', 'aria-label': 'Filter by tag', class: 'tag-input',
  });
  tagInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const add = parseTags(tagInput.value).filter((t) => !state.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
    if (add.length) setState({ tags: [...state.tags, ...add] });
  });
  tagInput.addEventListener('change', () => {
    const value = tagInput.value.trim();
    if (value && !state.tags.includes(value)) setState({ tags: [...state.tags, value] });
  });

  const site = h('input', { id: 'filter-site', type: 'text', value: state.site, placeholder: 'site', 'aria-label': 'Filter by site', class: 'tag-input' });
  site.addEventListener('change', () => setState({ site: site.value.trim() }));
  const from = h('input', { id: 'filter-from', type: 'date', value: state.from, 'aria-label': 'Saved from' });
  from.addEventListener('change', () => setState({ from: from.value }));
  const to = h('input', { id: 'filter-to', type: 'date', value: state.to, 'aria-label': 'Saved until' });
  to.addEventListener('change', () => setState({ to: to.value }));

  const filters = h('div', { class: 'filters', id: 'filters' },
    state.tags.map((tag) => h('span', { class: 'chip', dataset: { filterTag: tag } }, `#${tag}`,
      h('button', { type: 'button', 'aria-label': `Remove filter ${tag}`, onclick: () => setState({ tags: state.tags.filter((t) => t !== tag) }) }, '×'))),
    state.tags.length > 1
      ? select('tagMode', state.tagMode, [['and', 'all tags'], ['or', 'any tag']], (tagMode) => setState({ tagMode }), 'Tag match')
      : null,
    tagInput,
    site,
    h('label', {}, 'from ', from),
    h('label', {}, 'to ', to),
    select('status', state.status, [['', 'any status'], ['done', 'done'], ['partial', 'partial'], ['failed', 'failed'], ['queued', 'queued'], ['running', 'running']],
      (status) => setState({ status }), 'Status'),
    hasFilters(state)
      ? h('button', { type: 'button', class: 'link', onclick: () => setState({ q: '', tags: [], site: '', from: '', to: '', status: '' }) }, 'Clear all')
      : null);

  return h('div', {}, toolbar, filters);
}

function select(id, value, options, onChange, label) {
  const el = h('select', { id: `filter-${id}`, 'aria-label': label || id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

function hasFilters(state) {
  return Boolean(state.q || state.tags.length || state.site || state.from || state.to || state.status);
}
