// Search box, view/sort controls and filters (tags and/or, site, date range, status, original page health,
// changed since I last looked, read-later state).
import { h, parseTags, isComposing } from './dom.js';
import { t, word } from './i18n.js';
import { renderExportMenu } from './export-menu.js';
import { healthFilters, stateFilters } from './filters.js';
import { checkAllButton } from './health.js';

let typingTimer = null;
// Phone width only (app.css): the filters and view controls fold behind one toggle; wider screens show them
// always. Kept across redraws, which happen on every filter change.
let filtersOpen = false;

export function renderFilters(state, setState) {
  const search = h('input', {
    id: 'search', type: 'search', value: state.q, placeholder: t('filter.searchPlaceholder'),
    'aria-label': t('filter.search'), autocomplete: 'off',
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

  const active = activeFilters(state);
  const toggle = h('button', {
    type: 'button', id: 'filters-toggle', class: 'filters-toggle', 'aria-expanded': String(filtersOpen), 'aria-controls': 'filters',
    onclick: () => {
      filtersOpen = !filtersOpen;
      root.classList.toggle('filters-open', filtersOpen);
      toggle.setAttribute('aria-expanded', String(filtersOpen));
    },
  }, active ? t('filter.toggleActive', { count: active }) : t('filter.toggle'));

  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'search' }, search),
    toggle,
    h('span', { class: 'toolbar-more' },
    h('label', {}, h('span', { class: 'visually-hidden' }, t('filter.sortBy')),
      select('sort', state.sort, [['saved', t('filter.sortSaved')], ['published', t('filter.sortPublished')], ['title', t('filter.sortTitle')], ['site', t('filter.sortSite')]], (sort) => setState({ sort }), t('filter.sortBy'))),
    h('button', {
      type: 'button', id: 'order', title: t('filter.order'), 'aria-label': state.order === 'desc' ? t('filter.orderDesc') : t('filter.orderAsc'),
      onclick: () => setState({ order: state.order === 'desc' ? 'asc' : 'desc' }),
    }, state.order === 'desc' ? '↓' : '↑'),
    h('button', {
      type: 'button', id: 'view-toggle', 'aria-pressed': state.view === 'list' ? 'true' : 'false',
      onclick: () => setState({ view: state.view === 'grid' ? 'list' : 'grid' }, { reload: false }),
    }, state.view === 'grid' ? t('filter.listView') : t('filter.gridView')),
    renderExportMenu({ state }),
    checkAllButton(state, () => setState({}, { redraw: false }))));

  const tagInput = h('input', {
    id: 'filter-tag', type: 'text', list: 'tag-suggestions', placeholder: t('filter.tagPlaceholder'), 'aria-label': t('filter.tag'), class: 'tag-input',
  });
  tagInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || isComposing(event)) return;
    event.preventDefault();
    const add = parseTags(tagInput.value).filter((t) => !state.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
    if (add.length) setState({ tags: [...state.tags, ...add] });
  });
  tagInput.addEventListener('change', () => {
    const value = tagInput.value.trim();
    if (value && !state.tags.includes(value)) setState({ tags: [...state.tags, value] });
  });

  const site = h('input', { id: 'filter-site', type: 'text', value: state.site, placeholder: t('filter.sitePlaceholder'), 'aria-label': t('filter.site'), class: 'tag-input' });
  site.addEventListener('change', () => setState({ site: site.value.trim() }));
  const author = h('input', { id: 'filter-author', type: 'text', value: state.author, placeholder: t('filter.authorPlaceholder'), 'aria-label': t('filter.author'), class: 'tag-input' });
  author.addEventListener('change', () => setState({ author: author.value.trim() }));
  const from = h('input', { id: 'filter-from', type: 'date', value: state.from, 'aria-label': t('filter.from') });
  from.addEventListener('change', () => setState({ from: from.value }));
  const to = h('input', { id: 'filter-to', type: 'date', value: state.to, 'aria-label': t('filter.to') });
  to.addEventListener('change', () => setState({ to: to.value }));

  const filters = h('div', { class: 'filters', id: 'filters' },
    state.tags.map((tag) => h('span', { class: 'chip', dataset: { filterTag: tag } }, `#${tag}`,
      h('button', { type: 'button', 'aria-label': t('filter.removeTag', { tag }), onclick: () => setState({ tags: state.tags.filter((t) => t !== tag) }) }, '×'))),
    state.tags.length > 1
      ? select('tagMode', state.tagMode, [['and', t('filter.allTags')], ['or', t('filter.anyTag')]], (tagMode) => setState({ tagMode }), t('filter.tagMode'))
      : null,
    tagInput,
    site,
    author,
    h('label', {}, t('filter.fromLabel'), ' ', from),
    h('label', {}, t('filter.toLabel'), ' ', to),
    select('status', state.status, [['', t('filter.anyStatus')], ...['done', 'partial', 'failed', 'queued', 'running'].map((s) => [s, word('status', s)])],
      (status) => setState({ status }), t('filter.status')),
    select('health', state.health, healthFilters.map((x) => [x, x === '' ? t('filter.anyHealth') : x === 'gone' ? t('filter.healthGone') : word('health', x)]),
      (health) => setState({ health }), t('filter.health')),
    select('state', state.linkState, stateFilters.map((x) => [x, t(`filter.state.${x || 'default'}`)]), (linkState) => setState({ linkState }), t('filter.state')),
    h('label', {}, h('input', { type: 'checkbox', id: 'filter-changed', checked: state.changed, onchange: (event) => setState({ changed: event.target.checked }) }), ' ', t('filter.changed')),
    h('label', {}, h('input', { type: 'checkbox', id: 'filter-attention', checked: state.attention, onchange: (event) => setState({ attention: event.target.checked }) }), ' ', t('filter.attention')),
    hasFilters(state)
      ? h('button', { type: 'button', class: 'link', onclick: () => setState({ q: '', tags: [], site: '', author: '', from: '', to: '', status: '', health: '', changed: false, attention: false, linkState: '' }) }, t('filter.clearAll'))
      : null);

  const root = h('div', { class: filtersOpen ? 'browse-controls filters-open' : 'browse-controls' }, toolbar, filters);
  return root;
}

// The filters behind the toggle; one list, so a filter added later is counted and cleared like the others.
const NARROWING = ['site', 'author', 'from', 'to', 'status', 'health', 'changed', 'attention', 'linkState'];

// How many filters narrow the list (the search box stays visible, so it does not count).
function activeFilters(state) {
  return state.tags.length + NARROWING.filter((name) => state[name]).length;
}

function select(id, value, options, onChange, label) {
  const el = h('select', { id: `filter-${id}`, 'aria-label': label },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

function hasFilters(state) {
  return Boolean(state.q) || activeFilters(state) > 0;
}
