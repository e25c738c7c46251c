// Library tab: search, sort, model filter, category sidebar with counts, list/grid, pagination, item actions.
import { api, query, spectrogramUrl } from './api.js';
import { el, button, fail, fill } from './ui.js';
import { player } from './player.js';
import { actionBar, itemMeta, loadFavorites } from './actions.js';

const PER_PAGE = 24;

export function mountLibrary(root) {
  const state = { q: '', sort: 'recent', model: '', category: '', page: 1, view: localStorage.getItem('soundbox.view') || 'list' };
  const search = el('input', { type: 'search', placeholder: 'Search prompts, tags, ids…', 'aria-label': 'Search the library' });
  const sort = el('select', { 'aria-label': 'Sort' }, [['recent', 'Newest'], ['popular', 'Most played'],
    ['rating', 'Top rated'], ['relevance', 'Best match']].map(([v, l]) => el('option', { value: v }, l)));
  const models = el('div.segmented', { role: 'group', 'aria-label': 'Kind' });
  const viewBtn = button(state.view === 'list' ? '▦ Grid' : '☰ List', () => { state.view = state.view === 'list' ? 'grid' : 'list';
    localStorage.setItem('soundbox.view', state.view); render(lastPage); }, { cls: 'ghost' });
  const playAll = button('Play all', () => lastPage && player.playList(lastPage.items, 'library', 'library'), { cls: 'ghost' });
  const form = el('form.row', { role: 'search', onsubmit: (ev) => { ev.preventDefault(); state.q = search.value.trim();
    state.page = 1; if (state.q && state.sort === 'recent') { state.sort = 'relevance'; sort.value = 'relevance'; } load(); } },
  search, el('button.primary', { type: 'submit' }, 'Search'), sort, viewBtn, playAll);
  sort.addEventListener('change', () => { state.sort = sort.value; state.page = 1; load(); });
  const side = el('nav.sidebar', { 'aria-label': 'Categories' });
  const status = el('p.muted', { 'aria-live': 'polite' });
  const results = el('ul.results');
  const pager = el('nav.pager', { 'aria-label': 'Pages' });
  root.append(el('div.library', {}, side, el('div.grow', {}, form, models, status, results, pager)));
  let lastPage = null;

  async function loadCounts() {
    try {
      const counts = await api('/api/library/counts');
      fill(models, ...[['', 'All', counts.total], ['music', 'Music', counts.music], ['audio', 'SFX', counts.audio],
        ['voice', 'Speech', counts.voice]].map(([v, l, n]) => el('button', { type: 'button',
        'aria-pressed': String(state.model === v), onclick: () => { state.model = v; state.category = ''; state.page = 1;
          loadCounts(); loadCategories(); load(); } }, l + (n != null ? ' (' + n + ')' : ''))));
    } catch (e) { fail(e); }
  }

  async function loadCategories() {
    try {
      const r = await api('/api/library/category-counts' + query({ model: state.model }));
      const entries = Object.entries(r.categories || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      fill(side, el('h3', {}, 'Categories'), el('ul', {},
        el('li', {}, el('button', { type: 'button', 'aria-pressed': String(!state.category),
          onclick: () => { state.category = ''; state.page = 1; loadCategories(); load(); } }, 'Everything')),
        entries.map(([c, n]) => el('li', {}, el('button', { type: 'button', 'aria-pressed': String(state.category === c),
          onclick: () => { state.category = c; state.page = 1; loadCategories(); load(); } },
        el('span.grow', {}, c.replace(/_/g, ' ')), el('span.count', {}, String(n)))))));
    } catch (e) { fail(e); }
  }

  async function load() {
    status.textContent = 'Loading…';
    try {
      const page = await api('/api/library' + query({ page: state.page, per_page: PER_PAGE, q: state.q,
        sort: state.sort, model: state.model, category: state.category }));
      lastPage = page;
      await loadFavorites((page.items || []).map((i) => i.id));
      render(page);
    } catch (e) {
      status.textContent = '';
      fail(e);
    }
  }

  function render(page) {
    viewBtn.textContent = state.view === 'list' ? '▦ Grid' : '☰ List';
    if (!page) return;
    const items = page.items || [];
    status.textContent = page.total ? page.total + ' item(s)' + (state.q ? ' for “' + state.q + '”' : '') : 'Nothing found.';
    results.className = 'results ' + state.view;
    fill(results, ...items.map((item) => {
      const s = state.view === 'grid' ? spectrogramUrl(item) : null;
      return el('li.item', {}, s ? el('img.thumb', { src: s, alt: '', loading: 'lazy' }) : null,
        el('div.item-title', {}, item.prompt || item.filename || item.id), el('div.meta', {}, itemMeta(item)),
        actionBar(item, { source: 'library' }));
    }));
    const pages = page.pages || 1;
    fill(pager, button('‹ Previous', () => { state.page--; load(); }, { cls: 'ghost' }),
      el('span.muted', {}, 'Page ' + page.page + ' of ' + pages), button('Next ›', () => { state.page++; load(); }, { cls: 'ghost' }));
    pager.firstChild.disabled = page.page <= 1;
    pager.lastChild.disabled = page.page >= pages;
  }

  document.addEventListener('soundbox:item-changed', () => render(lastPage));
  let loaded = false;
  return {
    show() { if (!loaded) { loaded = true; loadCounts(); loadCategories(); load(); } },
    hide() {},
    search(q) { search.value = q; state.q = q; state.page = 1; load(); }
  };
}
