// History tab (plays and votes) and My generations tab (with private storage and cleanup).
import { api, query } from './api.js';
import { el, button, toast, fail, ago, confirmDialog, fill } from './ui.js';
import { actionBar, itemMeta, loadFavorites } from './actions.js';

async function itemsById(ids) {
  const unique = [...new Set(ids)].slice(0, 50);
  const found = await Promise.all(unique.map((id) => api('/api/library/' + encodeURIComponent(id)).catch(() => null)));
  const map = new Map();
  found.forEach((x) => { if (x) map.set(x.id, x); });
  return map;
}

export function mountHistory(root) {
  const plays = el('ol.plain.results', { 'aria-label': 'Plays' });
  const votes = el('ol.plain.results', { 'aria-label': 'Votes' });
  root.append(el('div.history-grid', {}, el('div.card', {}, el('h3', {}, 'Recently played'), plays),
    el('div.card', {}, el('h3', {}, 'My votes'), votes)));

  async function load() {
    try {
      const [p, v] = await Promise.all([api('/api/history/plays?limit=50'), api('/api/history/votes?limit=50')]);
      const items = await itemsById([...(p.plays || []).map((x) => x.generation_id), ...(v.votes || []).map((x) => x.generation_id)]);
      await loadFavorites([...items.keys()]);
      const row = (id, extra) => {
        const it = items.get(id);
        return el('li.item', {}, el('div.item-title', {}, it ? it.prompt || it.id : id + ' (no longer available)'),
          el('div.meta', {}, extra), it ? actionBar(it, { source: 'library' }) : null);
      };
      fill(plays, ...((p.plays || []).length ? p.plays.map((x) => row(x.generation_id, ago(x.played_at) + ' · ' + x.source))
        : [el('li.muted', {}, 'Nothing played yet.')]));
      fill(votes, ...((v.votes || []).length ? v.votes.map((x) => row(x.generation_id,
        (x.vote > 0 ? 'voted up' : 'voted down') + ' · ' + ago(x.voted_at) + ((x.feedback_reasons || []).length ? ' · ' + x.feedback_reasons.join(', ') : '')))
        : [el('li.muted', {}, 'No votes yet.')]));
    } catch (e) { fail(e); }
  }
  return { show: load, hide() {} };
}

export function mountMine(root) {
  const storage = el('div.card.storage');
  const list = el('ul.plain.results');
  const pager = el('nav.pager', { 'aria-label': 'Pages' });
  root.append(storage, el('div.card', {}, el('h3', {}, 'My generations'), list, pager));
  let page = 1;

  async function loadStorage() {
    try {
      const s = await api('/api/my-generations/storage');
      const pct = s.limit ? Math.min(100, s.private_count / s.limit * 100) : 0;
      fill(storage, el('h3', {}, 'Private storage'),
        el('p', {}, s.private_count + ' private item(s)' + (s.limit ? ' of ' + s.limit + ' (' + s.tier + ' tier)' : ' (no limit)')),
        s.limit ? el('progress', { max: '100', value: String(pct), 'aria-label': 'Private storage used' }) : null,
        s.over_limit ? el('p.warn', {}, 'Over the limit: clean up to make room (favorites are kept).') : null,
        button('Clean up old private items', cleanup, { cls: 'ghost' }));
    } catch (e) { fill(storage, el('p.error', {}, e.message)); }
  }

  async function cleanup() {
    if (!await confirmDialog('Clean up', 'Delete your oldest private items beyond your tier\'s limit? Favorites are protected.', 'Clean up')) return;
    try {
      const r = await api('/api/my-generations/cleanup', { method: 'POST', body: {} });
      toast('Removed ' + (r.deleted ?? r.removed ?? 0) + ' item(s)');
      loadStorage();
      load();
    } catch (e) { fail(e); }
  }

  async function setVisibility(item, isPublic) {
    try {
      await api('/api/generations/' + encodeURIComponent(item.id), { method: 'PATCH', body: { is_public: isPublic } });
      item.is_public = isPublic;
      toast(isPublic ? 'Now public' : 'Now private');
      load();
      loadStorage();
    } catch (e) { fail(e); }
  }

  async function remove(item) {
    if (!await confirmDialog('Delete', 'Delete “' + (item.prompt || item.id) + '” for good?', 'Delete')) return;
    try {
      await api('/api/generations/' + encodeURIComponent(item.id), { method: 'DELETE' });
      toast('Deleted');
      load();
      loadStorage();
    } catch (e) { fail(e); }
  }

  async function load() {
    try {
      const r = await api('/api/my-generations' + query({ page, per_page: 20 }));
      const items = r.items || [];
      await loadFavorites(items.map((i) => i.id));
      fill(list, ...(items.length ? items.map((it) => el('li.item', {}, el('div.item-title', {}, it.prompt || it.id),
        el('div.meta', {}, itemMeta(it)),
        el('div.row.tight', {}, actionBar(it, { source: 'library' }),
          button(it.is_public === false ? 'Make public' : 'Make private', () => setVisibility(it, it.is_public === false), { cls: 'ghost small' }),
          button('Delete', () => remove(it), { cls: 'ghost small danger' }))))
        : [el('li.muted', {}, 'Nothing generated yet: try the Generate tab.')]));
      const pages = r.pages || 1;
      fill(pager, button('‹ Previous', () => { page--; load(); }, { cls: 'ghost' }),
        el('span.muted', {}, 'Page ' + (r.page || 1) + ' of ' + pages), button('Next ›', () => { page++; load(); }, { cls: 'ghost' }));
      pager.firstChild.disabled = page <= 1;
      pager.lastChild.disabled = page >= pages;
    } catch (e) { fail(e); }
  }
  return { show() { loadStorage(); load(); }, hide() {} };
}
